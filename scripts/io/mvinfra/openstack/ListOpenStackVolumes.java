package io.mvinfra.openstack;

import java.util.List;
import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.ServiceProvider;
import org.meveo.model.customEntities.Volume;

import io.mvinfra.openstack.volume.CinderVolume;
import io.mvinfra.openstack.volume.VolumeClient;
import io.mvinfra.openstack.volume.VolumeMapper;
import io.mvinfra.sync.Reconciliation;

/**
 * ServiceProvider → "List volumes": every Cinder volume of the credential's project (every page of
 * {@code /volumes/detail}), as Volume entities matched by Cinder's id and linked to the Server each is attached to;
 * nothing changes unless the whole list arrived. A Volume whose create answer was lost is linked by its uuid, which
 * the create left in the volume's metadata.
 */
public class ListOpenStackVolumes extends OpenStackVolumeButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        ServiceProvider provider = entity(ctx, ServiceProvider.class);
        List<CinderVolume> listed = openstack(provider).volumes().list();
        Map<String, String> servers = serverUuids(provider);
        ServiceProvider reference = new ServiceProvider(provider.getUuid());
        Reconciliation.Outcome outcome = Reconciliation.byId(Volume::getProviderSideId, CinderVolume::id)
                .naturalKey(Volume::getUuid, item -> item.metadata().get(VolumeClient.ENTITY_KEY))
                .create(item -> {
                    Volume volume = new Volume();
                    volume.setProvider(reference);
                    return volume;
                })
                .copy((volume, item) -> VolumeMapper.copy(volume, item, servers))
                .markMissing(VolumeMapper::markMissing)
                .run(findAll(Volume.class, "provider", provider.getUuid()), listed, this::save);
        message(ctx, "Volumes of %s: %s", provider.getCode(), outcome.summary());
    }
}
