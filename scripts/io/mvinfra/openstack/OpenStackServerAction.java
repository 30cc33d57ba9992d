package io.mvinfra.openstack;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Server;

import io.mvinfra.http.ProviderCall;
import io.mvinfra.openstack.compute.ComputeAction;
import io.mvinfra.openstack.compute.NovaServer;
import io.mvinfra.openstack.compute.ServerClient;
import io.mvinfra.openstack.compute.ServerMapper;

/**
 * A Nova server action pressed on a Server (start, stop, reboot, resize and its confirm or revert): sent, then waited
 * for until the server reaches the status it leads to with no task running. What Nova's state forbids it refuses
 * itself (409 conflictingRequest, said to the operator in its words). Recorded as a ServerAction throughout; the
 * Server then holds what Nova has.
 */
public abstract class OpenStackServerAction extends OpenStackButton {

    private final ComputeAction action;

    protected OpenStackServerAction(ComputeAction action) {
        this.action = action;
    }

    /** The flavor a resize goes to; null for every other action. */
    protected String flavorRef(Map<String, Object> ctx, ServerClient servers) throws BusinessException {
        return null;
    }

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        Server server = entity(ctx, Server.class);
        String id = requireProviderSideId(name(server), server.getProviderSideId(), "press 'List servers' or create it first");
        ServerClient servers = openstack(server).servers();
        boolean cyclades = servers.isCyclades();
        String code = action.code(cyclades);
        ProviderCall<String> call = servers.action(id, action, flavorRef(ctx, servers));
        if (dryRun(ctx)) {
            describeDryRun(ctx, call);
            return;
        }
        String before = servers.get(id).status();
        NovaServer after = recorded(ctx, server, code, record -> {
            call.send();
            record.sent(null, code + " accepted by " + (cyclades ? "Cyclades" : "Nova") + " (202)");
            NovaServer reached = states(servers).await(id, action.endStatuses(cyclades), action.failedIfBackTo(before, cyclades).orElse(null),
                    name(server), looks(record));
            record.succeeded(reached.state());
            return reached;
        });
        ServerMapper.copy(server, after);
        save(server);
        message(ctx, "%s: %s done, now %s", name(server), code, after.status());
    }
}
