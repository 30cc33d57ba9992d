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

/**
 * Volume → "Detach from server": detached from the server Cinder says holds it, through Nova, waited for until
 * available. Nova marks the volume detaching before it answers, so one seen in-use again is a detach Nova rolled back.
 */
public class DetachOpenStackVolume extends OpenStackVolumeButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        Volume volume = entity(ctx, Volume.class);
        String name = name(volume);
        OpenStackClient openstack = openstack(provider(volume));
        VolumeClient volumes = openstack.volumes();
        CinderVolume before = current(volumes, volume, "create it first");
        String serverId = VolumeRequests.detach(before);
        ProviderCall<String> detach = openstack.servers().detachVolume(serverId, before.id());
        if (dryRun(ctx)) {
            describeDryRun(ctx, detach);
            return;
        }
        detach.send();
        CinderVolume after;
        try {
            after = states(volumes).await(before.id(), name, "available", looks(ctx, name), "in-use", "error", "error_detaching");
        } catch (ProviderException e) {
            throw afterAccepted(name, before.id(), "the detach from server " + serverId, e);
        }
        VolumeMapper.copy(volume, after, Map.of());
        save(volume);
        message(ctx, "%s detached from server %s, %s", name, serverId, after.status());
    }
}
