package io.mvinfra.scaleway;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Server;
import org.meveo.model.customEntities.Volume;

import io.mvinfra.buttons.ServerActionLog;
import io.mvinfra.http.HttpRuntime;
import io.mvinfra.http.ProviderCall;
import io.mvinfra.http.ProviderException;
import io.mvinfra.scaleway.servers.ScalewayServer;
import io.mvinfra.scaleway.servers.ScalewayTask;
import io.mvinfra.scaleway.servers.ServerAction;
import io.mvinfra.scaleway.servers.ServerStates;

/**
 * Server → "Delete with volumes": the server and every volume attached to it (local and block) deleted — a running
 * server by Scaleway's terminate, waited for until it is gone; a stopped one (which terminate refuses) deleted, then
 * each of its volumes — recorded as a ServerAction. The Server and its Volume
 * entities stay, marked as no longer at Scaleway.
 */
public class DeleteScalewayServerWithVolumes extends ScalewayButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        ServerAt at = serverAt(ctx, "delete the entity itself");
        Server server = at.server();
        String name = at.name();
        String id = at.id();
        String zone = at.zone();
        ScalewayClient scaleway = at.scaleway();
        ScalewayServer current = at.current();
        boolean stopped = "stopped".equals(current.state());
        if (!stopped && !current.allows(ServerAction.TERMINATE.code())) {
            throw new BusinessException(name + " is " + current.state() + ": Scaleway deletes a server with its volumes only when it is"
                    + " running (terminate) or stopped");
        }
        // Scaleway's terminate takes a running server; a stopped one is deleted, then each of its volumes.
        ProviderCall<?> first = stopped ? scaleway.servers().delete(zone, id) : scaleway.servers().action(zone, id, ServerAction.TERMINATE, null);
        if (dryRun(ctx)) {
            message(ctx, "Dry run: %s (deletes %d volumes with it)", first.describe(), current.volumes().size());
            return;
        }
        ServerActionLog.Tracked tracked = new ServerActionLog(this::saveDurably, line -> progress(ctx, line)).track(server, "terminate");
        try {
            if (stopped) {
                tracked.sent(null, sendDelete(scaleway.servers().delete(zone, id)));
                for (ScalewayServer.Volume volume : current.volumes().values()) {
                    ProviderCall<String> delete = "l_ssd".equals(volume.volumeType()) ? scaleway.localVolumes().delete(zone, volume.id())
                            : scaleway.volumes().delete(zone, volume.id());
                    tracked.progress("volume " + volume.name() + " " + sendDelete(delete), null);
                }
            } else {
                ScalewayTask task = scaleway.servers().action(zone, id, ServerAction.TERMINATE, null).send();
                tracked.sent(task.id(), task.toString());
                new ServerStates(scaleway.servers(), HttpRuntime.shared().time()).awaitGone(zone, id, name,
                        p -> tracked.progress(p.state() + " after " + p.elapsed().toSeconds() + " s", null));
            }
            tracked.succeeded(stopped ? "deleted" : "terminated");
        } catch (ProviderException | BusinessException e) {
            tracked.failed(e);
            throw e;
        }
        markGone(server);
        int volumes = 0;
        for (ScalewayServer.Volume gone : current.volumes().values()) {
            for (Volume volume : findAll(Volume.class, "providerSideId", gone.id())) {
                Volume changes = new Volume(volume.getUuid());
                changes.setProviderSideId("");
                save(changes);
                volumes++;
            }
        }
        message(ctx, "%s %s at Scaleway with its %d volumes (id %s); kept here with %d volume entities, marked as no longer at"
                + " Scaleway", name, stopped ? "deleted" : "terminated", current.volumes().size(), id, volumes);
    }
}
