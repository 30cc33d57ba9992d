package io.mvinfra.openstack;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Server;
import org.meveo.model.customEntities.ServiceProvider;
import org.meveo.model.customEntities.Volume;

import io.mvinfra.http.ProviderCall;
import io.mvinfra.http.ProviderException;
import io.mvinfra.openstack.volume.CinderVolume;
import io.mvinfra.openstack.volume.VolumeClient;
import io.mvinfra.openstack.volume.VolumeMapper;
import io.mvinfra.openstack.volume.VolumeRequests;

/**
 * Volume → "Attach to server": the available volume attached to the Volume's {@code server} through Nova
 * ({@code os-volume_attachments}), waited for until Cinder says in-use. Nova reserves the volume before it answers,
 * so a volume seen available again afterwards is an attach Nova rolled back: the wait ends there.
 */
public class AttachOpenStackVolume extends OpenStackVolumeButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        Volume volume = entity(ctx, Volume.class);
        String name = name(volume);
        ServiceProvider provider = provider(volume);
        OpenStackClient openstack = openstack(provider);
        VolumeClient volumes = openstack.volumes();
        CinderVolume before = current(volumes, volume, "create it first");
        Server server = volume.getServer() == null || volume.getServer().getUuid() == null || volume.getServer().getUuid().isBlank()
                ? null : resolve(volume.getServer(), Server.class, name + ": server");
        String serverId = VolumeRequests.attach(volume, server, before);
        ProviderCall<String> attach = openstack.servers().attachVolume(serverId, before.id());
        if (dryRun(ctx)) {
            describeDryRun(ctx, attach);
            return;
        }
        String device = attach.send();
        CinderVolume after;
        try {
            after = states(volumes).await(before.id(), name, "in-use", looks(ctx, name), "available", "error");
        } catch (ProviderException e) {
            throw afterAccepted(name, before.id(), "the attach to server " + serverId, e);
        }
        VolumeMapper.copy(volume, after, serverUuids(provider));
        save(volume);
        message(ctx, "%s attached to %s (id %s)%s, %s", name, name(server), serverId, device == null ? "" : " as " + device, after.status());
    }
}
