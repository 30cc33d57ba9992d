package io.mvinfra.openstack;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Volume;

import io.mvinfra.http.ProviderCall;
import io.mvinfra.http.ProviderException;
import io.mvinfra.openstack.volume.CinderVolume;
import io.mvinfra.openstack.volume.VolumeClient;
import io.mvinfra.openstack.volume.VolumeMapper;
import io.mvinfra.openstack.volume.VolumeRequests;
import io.mvinfra.openstack.volume.VolumeSizes;

/**
 * Volume → "Extend": Cinder's {@code os-extend} to the Volume's {@code size} (bytes, whole GiB, larger than Cinder's),
 * waited for until the volume is available at its new size; {@code error_extending} ends the wait at once.
 */
public class ExtendOpenStackVolume extends OpenStackVolumeButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        Volume volume = entity(ctx, Volume.class);
        String name = name(volume);
        VolumeClient volumes = openstack(provider(volume)).volumes();
        CinderVolume before = current(volumes, volume, "create it first");
        int size = VolumeRequests.extend(volume, before);
        ProviderCall<Integer> extend = volumes.extend(before.id(), size);
        if (dryRun(ctx)) {
            describeDryRun(ctx, extend);
            return;
        }
        extend.send();
        CinderVolume after;
        try {
            after = states(volumes).await(before.id(), name, "available", size, looks(ctx, name), "error_extending", "error");
        } catch (ProviderException e) {
            throw afterAccepted(name, before.id(), "the extend to " + size + " GiB", e);
        }
        VolumeMapper.copy(volume, after, Map.of());
        save(volume);
        message(ctx, "%s extended from %s to %s", name, VolumeSizes.readable(VolumeSizes.bytes(before.size())),
                VolumeSizes.readable(VolumeSizes.bytes(after.size())));
    }
}
