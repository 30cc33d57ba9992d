package io.mvinfra.openstack;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Server;
import org.meveo.model.customEntities.ServiceProvider;
import org.meveo.model.customEntities.Volume;

import io.mvinfra.http.HttpRuntime;
import io.mvinfra.http.ProviderException;
import io.mvinfra.http.StateWait;
import io.mvinfra.openstack.volume.CinderVolume;
import io.mvinfra.openstack.volume.VolumeClient;
import io.mvinfra.openstack.volume.VolumeStates;

/**
 * What the Volume buttons share: the volume's provider (OPENSTACK or OVH) and its Cinder, the volume as Cinder has it
 * now (what each press checks before it sends), waits on the layer's clock with each look as progress, and the Server
 * entities a volume's attachment points at.
 */
public abstract class OpenStackVolumeButton extends OpenStackButton {

    protected static String name(Volume volume) {
        return "Volume " + (volume.getName() == null || volume.getName().isBlank() ? volume.getUuid() : volume.getName().strip());
    }

    protected ServiceProvider provider(Volume volume) throws BusinessException {
        if (volume.getProvider() == null) {
            throw new BusinessException(name(volume) + ": provider is empty; give the OpenStack ServiceProvider it belongs to");
        }
        return resolve(volume.getProvider(), ServiceProvider.class, name(volume) + ": provider");
    }

    /** The volume at Cinder, by the entity's id; its absence is said as Cinder says it. */
    protected static CinderVolume current(VolumeClient volumes, Volume volume, String hint) throws BusinessException {
        String id = volume.getProviderSideId();
        if (id == null || id.isBlank()) {
            throw new BusinessException(name(volume) + " is not at OpenStack yet: " + hint);
        }
        return volumes.get(id.strip());
    }

    protected static VolumeStates states(VolumeClient volumes) {
        return new VolumeStates(volumes, HttpRuntime.shared().time());
    }

    /** Each look of a wait, as the press's progress: {@code Volume data-1: extending after 2 s}. */
    protected Consumer<StateWait.Progress<String>> looks(Map<String, Object> ctx, String name) {
        return p -> progress(ctx, name + ": " + p.state() + " after " + p.elapsed().toSeconds() + " s");
    }

    /** The provider's Server entities, uuid by Nova id. */
    protected Map<String, String> serverUuids(ServiceProvider provider) {
        Map<String, String> uuids = new HashMap<>();
        List<Server> servers = findAll(Server.class, "provider", provider.getUuid());
        servers.stream().filter(s -> s.getProviderSideId() != null && !s.getProviderSideId().isBlank())
                .forEach(s -> uuids.put(s.getProviderSideId(), s.getUuid()));
        return uuids;
    }

    /**
     * A wait that failed after Cinder accepted the press: what was sent stays true, so the message says so and where
     * the volume is.
     */
    protected static BusinessException afterAccepted(String name, String id, String what, ProviderException e) {
        return new BusinessException(name + ": " + what + " accepted by Cinder (volume " + id + "), but " + e.getMessage(), e);
    }
}
