package io.mvinfra.scaleway;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Server;
import org.meveo.model.customEntities.ServiceProvider;
import org.meveo.model.customEntities.Volume;

import io.mvinfra.http.ProviderCall;
import io.mvinfra.scaleway.volumes.BlockVolume;
import io.mvinfra.scaleway.volumes.UpdateVolumeRequest;
import io.mvinfra.scaleway.volumes.VolumeMapper;
import io.mvinfra.scaleway.volumes.VolumeRequests;

/**
 * Volume → "Update on Scaleway": what differs from Scaleway's copy of the volume — its name, its size (which only
 * grows) and its type — sent as one change; the entity then holds Scaleway's answer.
 */
public class UpdateVolume extends ScalewayStorageButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        Volume volume = entity(ctx, Volume.class);
        String name = "Volume " + volume.getName();
        String id = requireProviderSideId(name, volume.getProviderSideId(), "create it first");
        String zone = zoneOf("Volume", volume.getZone());
        ServiceProvider provider = provider(volume.getProvider(), name);
        ScalewayClient scaleway = scaleway(provider);
        BlockVolume current = scaleway.volumes().get(zone, id);
        UpdateVolumeRequest update = VolumeRequests.update(volume, current);
        if (update.isEmpty()) {
            message(ctx, "%s: nothing to update, its name, size and type are as Scaleway has them", name);
            return;
        }
        ProviderCall<BlockVolume> call = scaleway.volumes().update(zone, id, update);
        if (dryRun(ctx)) {
            describeDryRun(ctx, call);
            return;
        }
        BlockVolume updated = call.send();
        VolumeMapper.copy(volume, updated, uuidsById(findAll(Server.class, "provider", provider.getUuid()), Server::getProviderSideId,
                Server::getUuid));
        save(volume);
        message(ctx, "%s updated at Scaleway (id %s): %s", name, id, VolumeRequests.describe(update, current));
    }
}
