package io.mvinfra.openstack;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Server;

import io.mvinfra.http.ProviderCall;
import io.mvinfra.openstack.compute.ServerClient;

/**
 * Server → "Delete on OpenStack": deleted at Nova and waited for until Nova no longer has it. The entity stays, with
 * its ServerActions, marked DELETED and no longer at the provider: its history is the operator's to keep or delete.
 */
public class DeleteOpenStackServer extends OpenStackButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        Server server = entity(ctx, Server.class);
        String name = name(server);
        String id = requireProviderSideId(name, server.getProviderSideId(), "delete the entity itself");
        ServerClient servers = openstack(server).servers();
        ProviderCall<String> delete = servers.delete(id);
        if (dryRun(ctx)) {
            describeDryRun(ctx, delete);
            return;
        }
        String outcome = recorded(ctx, server, "delete", action -> {
            String said = sendDelete(delete);
            action.sent(id, said);
            states(servers).awaitGone(id, name, looks(action));
            action.succeeded("gone");
            return said;
        });
        Server changes = new Server(server.getUuid());
        changes.setProviderSideId("");
        changes.setStatus("DELETED");
        changes.setMissingAtProvider(Boolean.TRUE);
        save(changes);
        message(ctx, "%s %s (id %s); kept here, marked DELETED", name, outcome, id);
    }
}
