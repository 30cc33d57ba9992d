package io.mvinfra.scaleway;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Server;

import io.mvinfra.buttons.ServerActionLog;
import io.mvinfra.http.HttpRuntime;
import io.mvinfra.http.ProviderCall;
import io.mvinfra.http.ProviderException;
import io.mvinfra.scaleway.servers.ScalewayServer;
import io.mvinfra.scaleway.servers.ScalewayTask;
import io.mvinfra.scaleway.servers.ServerAction;
import io.mvinfra.scaleway.servers.ServerMapper;
import io.mvinfra.scaleway.servers.ServerStates;

/**
 * A Scaleway server action pressed on a Server (power on, power off, reboot, stop in place): refused unless the
 * server's {@code allowed_actions} has it now, sent, then waited for on the server's own state ({@link ServerStates}).
 * Recorded as a ServerAction throughout; the Server then holds what Scaleway has.
 */
public abstract class ScalewayServerAction extends ScalewayButton {

    private final ServerAction action;

    protected ScalewayServerAction(ServerAction action) {
        this.action = action;
    }

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        ServerAt at = serverAt(ctx, "press 'List servers' or create it first");
        Server server = at.server();
        String name = at.name();
        String id = at.id();
        String zone = at.zone();
        ScalewayClient scaleway = at.scaleway();
        ScalewayServer current = at.current();
        if (!current.allows(action.code())) {
            throw new BusinessException(name + " is " + current.state() + ": Scaleway does not allow " + action.code()
                    + " now (allowed: " + (current.allowedActions().isEmpty() ? "none" : String.join(", ", current.allowedActions())) + ")");
        }
        ProviderCall<ScalewayTask> call = scaleway.servers().action(zone, id, action, null);
        if (dryRun(ctx)) {
            describeDryRun(ctx, call);
            return;
        }
        ScalewayServer after = perform(ctx, scaleway, server, current.state(), call);
        message(ctx, "%s: %s done, now %s", name, action.code(), after.state());
    }

    /**
     * Sends {@code call} (this button's action on {@code server}, which is in {@code startState}), waits for the
     * state it leads to, records it all as a ServerAction and saves the Server as Scaleway then has it.
     */
    protected ScalewayServer perform(Map<String, Object> ctx, ScalewayClient scaleway, Server server, String startState,
                                     ProviderCall<ScalewayTask> call) throws BusinessException {
        String zone = server.getZone();
        String id = server.getProviderSideId();
        ServerActionLog.Tracked tracked = new ServerActionLog(this::saveDurably, line -> progress(ctx, line)).track(server, action.code());
        try {
            ScalewayTask task = call.send();
            tracked.sent(task.id(), task.toString());
            String reached = new ServerStates(scaleway.servers(), HttpRuntime.shared().time()).await(zone, id, action, startState,
                    label(server), p -> tracked.progress(p.state() + " after " + p.elapsed().toSeconds() + " s", null));
            tracked.succeeded(reached);
        } catch (ProviderException | BusinessException e) {
            tracked.failed(e);
            throw e;
        }
        ScalewayServer after = scaleway.servers().get(zone, id);
        ServerMapper.copy(server, after);
        save(server);
        return after;
    }
}
