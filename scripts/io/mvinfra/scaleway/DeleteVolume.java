package io.mvinfra.scaleway;

import java.util.Map;
import java.util.Set;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.ServiceProvider;
import org.meveo.model.customEntities.Volume;

import io.mvinfra.http.ProviderCall;
import io.mvinfra.http.ProviderException;
import io.mvinfra.scaleway.servers.ScalewayServer;
import io.mvinfra.scaleway.volumes.BlockVolume;
import io.mvinfra.scaleway.volumes.VolumeSizes;

/**
 * Volume → "Delete on Scaleway": refused while the volume is attached to a server that is not stopped (the volume's
 * references say which server holds it); otherwise deleted there, then removed here.
 */
public class DeleteVolume extends ScalewayStorageButton {

    /** The server states in which a volume is not in use by a running system. */
    private static final Set<String> STOPPED = Set.of("stopped", "stopped in place");

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        Volume volume = entity(ctx, Volume.class);
        String name = "Volume " + volume.getName();
        String id = requireProviderSideId(name, volume.getProviderSideId(), "delete the entity itself");
        String zone = zoneOf("Volume", volume.getZone());
        ServiceProvider provider = provider(volume.getProvider(), name);
        ScalewayClient scaleway = scaleway(provider);
        refuseWhileOnARunningServer(scaleway, zone, id, name);
        ProviderCall<String> delete = scaleway.volumes().delete(zone, id);
        if (dryRun(ctx)) {
            describeDryRun(ctx, delete);
            return;
        }
        String outcome = sendDelete(delete);
        Volume marked = new Volume(volume.getUuid());
        marked.setMissingAtProvider(Boolean.TRUE);
        marked.setState("deleted");
        String here = removeHere(volume.getUuid(), Volume.class, marked);
        message(ctx, "%s (%s) %s (id %s) and %s", name, VolumeSizes.readable(volume.getSize()), outcome, id, here);
    }

    private void refuseWhileOnARunningServer(ScalewayClient scaleway, String zone, String id, String name) throws BusinessException {
        BlockVolume current;
        try {
            current = scaleway.volumes().get(zone, id);
        } catch (ProviderException e) {
            if (isGone(e)) {
                return;   // the delete then says it was already gone
            }
            throw e;
        }
        for (String serverId : current.attachedServerIds()) {
            ScalewayServer server;
            try {
                server = scaleway.servers().get(zone, serverId);
            } catch (ProviderException e) {
                if (isGone(e)) {
                    continue;
                }
                throw e;
            }
            if (!STOPPED.contains(server.state())) {
                throw new BusinessException(name + " is attached to server " + server.name() + " (id " + server.id() + "), which is "
                        + server.state() + ": stop the server and detach the volume first");
            }
        }
    }
}
