package io.mvinfra.openstack;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.ServiceProvider;
import org.meveo.model.customEntities.Volume;

import io.mvinfra.http.ProviderCall;
import io.mvinfra.http.ProviderException;
import io.mvinfra.openstack.volume.CinderVolume;
import io.mvinfra.openstack.volume.CreateVolumeRequest;
import io.mvinfra.openstack.volume.VolumeClient;
import io.mvinfra.openstack.volume.VolumeMapper;
import io.mvinfra.openstack.volume.VolumeRequests;
import io.mvinfra.openstack.volume.VolumeSizes;

/**
 * Volume → "Create on OpenStack": a Cinder volume, empty of {@code size} bytes (whole GiB) or a copy of the snapshot
 * {@code baseVolume}, waited for until available (failing at once on {@code error}). Its id is kept durably as soon
 * as Cinder answers, so a wait that fails leaves the entity pointing at the volume Cinder has.
 */
public class CreateOpenStackVolume extends OpenStackVolumeButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        Volume volume = entity(ctx, Volume.class);
        String name = name(volume);
        requireNoProviderSideId(name, volume.getProviderSideId(), "extend or delete it instead");
        ServiceProvider provider = provider(volume);
        OpenStackClient openstack = openstack(provider);
        CreateVolumeRequest request = VolumeRequests.create(volume, openstack.keystone() == null ? null : openstack.keystone().region());
        VolumeClient volumes = openstack.volumes();
        ProviderCall<CinderVolume> create = volumes.create(request);
        if (dryRun(ctx)) {
            describeDryRun(ctx, create);
            return;
        }
        CinderVolume created = create.send();
        Map<String, String> servers = Map.of();   // a new volume is attached to none
        VolumeMapper.copy(volume, created, servers);
        saveDurably(volume);
        CinderVolume ready;
        try {
            ready = states(volumes).await(created.id(), name, "available", looks(ctx, name), "error");
        } catch (ProviderException e) {
            throw afterAccepted(name, created.id(), "the create", e);
        }
        VolumeMapper.copy(volume, ready, servers);
        save(volume);
        message(ctx, "%s created at OpenStack (id %s): %s, type %s, %s", name, ready.id(),
                VolumeSizes.readable(VolumeSizes.bytes(ready.size())), ready.volumeType(), ready.status());
    }
}
