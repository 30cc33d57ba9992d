package io.mvinfra.scaleway;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.ServiceProvider;
import org.meveo.model.customEntities.Volume;

import io.mvinfra.http.ProviderCall;
import io.mvinfra.scaleway.volumes.BlockVolume;
import io.mvinfra.scaleway.volumes.CreateVolumeRequest;
import io.mvinfra.scaleway.volumes.VolumeMapper;
import io.mvinfra.scaleway.volumes.VolumeRequests;
import io.mvinfra.scaleway.volumes.VolumeSizes;

/**
 * Volume → "Create on Scaleway": a Block Storage volume, empty of {@code size} bytes or a copy of the snapshot
 * {@code baseVolume}, waited for until it is available. Its id is kept durably as soon as Scaleway answers the create,
 * so a wait that fails leaves the entity pointing at the volume Scaleway has.
 */
public class CreateVolume extends ScalewayStorageButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        Volume volume = entity(ctx, Volume.class);
        String name = "Volume " + volume.getName();
        requireNoProviderSideId(name, volume.getProviderSideId(), "update it instead");
        ServiceProvider provider = provider(volume.getProvider(), name);
        CreateVolumeRequest request = VolumeRequests.create(volume, zones(provider), projectId(provider));
        String zone = volume.getZone().strip();
        ScalewayClient scaleway = scaleway(provider);
        ProviderCall<BlockVolume> create = scaleway.volumes().create(zone, request);
        if (dryRun(ctx)) {
            describeDryRun(ctx, create);
            return;
        }
        BlockVolume created = create.send();
        Map<String, String> servers = Map.of();   // a new volume is attached to none
        VolumeMapper.copy(volume, created, servers);
        saveDurably(volume);
        BlockVolume ready = awaitAvailable(ctx, name, created.id(), () -> scaleway.volumes().get(zone, created.id()), BlockVolume::status);
        VolumeMapper.copy(volume, ready, servers);
        save(volume);
        message(ctx, "%s created at Scaleway (id %s): %s, %s, %s", name, ready.id(), VolumeSizes.readable(ready.size()), ready.type(),
                ready.status());
    }
}
