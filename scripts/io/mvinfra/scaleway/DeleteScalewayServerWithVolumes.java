package io.mvinfra.scaleway;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Server;
import org.meveo.model.customEntities.ServiceProvider;
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
 * Server → "Delete with volumes": Scaleway's terminate, which deletes the server and every volume attached to it
 * (local and block), waited for until the server is gone and recorded as a ServerAction. The Server and its Volume
 * entities stay, marked as no longer at Scaleway.
 */
public class DeleteScalewayServerWithVolumes extends ScalewayButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        Server server = entity(ctx, Server.class);
        String name = label(server);
        String id = requireProviderSideId(name, server.getProviderSideId(), "delete the entity itself");
        String zone = zoneOf(server);
        ScalewayClient scaleway = scaleway(resolve(server.getProvider(), ServiceProvider.class, name + ": provider"));
        ScalewayServer current = scaleway.servers().get(zone, id);
        if (!current.allows(ServerAction.TERMINATE.code())) {
            throw new BusinessException(name + " is " + current.state() + ": Scaleway terminates only a running server; power it on,"
                    + " or delete it and then its volumes");
        }
        ProviderCall<ScalewayTask> terminate = scaleway.servers().action(zone, id, ServerAction.TERMINATE, null);
        if (dryRun(ctx)) {
            message(ctx, "Dry run: %s (deletes %d volumes with it)", terminate.describe(), current.volumes().size());
            return;
        }
        ServerActionLog.Tracked tracked = new ServerActionLog(this::saveDurably, line -> progress(ctx, line)).track(server, "terminate");
        try {
            ScalewayTask task = terminate.send();
            tracked.sent(task.id(), task.toString());
            new ServerStates(scaleway.servers(), HttpRuntime.shared().time()).awaitGone(zone, id, name,
                    p -> tracked.progress(p.state() + " after " + p.elapsed().toSeconds() + " s", null));
            tracked.succeeded("terminated");
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
        message(ctx, "%s terminated at Scaleway with its %d volumes (id %s); kept here with %d volume entities, marked as no longer at"
                + " Scaleway", name, current.volumes().size(), id, volumes);
    }
}
