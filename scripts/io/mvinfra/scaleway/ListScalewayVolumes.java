package io.mvinfra.scaleway;

import java.util.List;
import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Server;
import org.meveo.model.customEntities.ServiceProvider;
import org.meveo.model.customEntities.Volume;

import io.mvinfra.scaleway.volumes.BlockVolume;
import io.mvinfra.scaleway.volumes.VolumeMapper;
import io.mvinfra.sync.Reconciliation;

/**
 * ServiceProvider → "List volumes": every Block Storage volume of every zone of the provider, as Volume entities
 * linked to the Server each is attached to; nothing changes unless every zone's list arrived whole.
 */
public class ListScalewayVolumes extends ScalewayStorageButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        ServiceProvider provider = entity(ctx, ServiceProvider.class);
        List<String> zones = zones(provider);
        ScalewayClient scaleway = scaleway(provider);
        List<BlockVolume> listed = everyZone(zones, scaleway.volumes()::list);
        Map<String, String> servers = uuidsById(findAll(Server.class, "provider", provider.getUuid()), Server::getProviderSideId, Server::getUuid);
        ServiceProvider reference = new ServiceProvider(provider.getUuid());
        Reconciliation.Outcome outcome = Reconciliation.byId(Volume::getProviderSideId, BlockVolume::id)
                .naturalKey(volume -> volume.getZone() + " " + volume.getName(), item -> item.zone() + " " + item.name())
                .create(item -> {
                    Volume volume = new Volume();
                    volume.setProvider(reference);
                    return volume;
                })
                .copy((volume, item) -> VolumeMapper.copy(volume, item, servers))
                .markMissing(VolumeMapper::markMissing)
                .run(inZones(findAll(Volume.class, "provider", provider.getUuid()), Volume::getZone, zones), listed, this::save);
        message(ctx, "Volumes of %s in %s: %s", provider.getCode(), String.join(", ", zones), outcome.summary());
    }
}
