package io.mvinfra.openstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Server;

import io.mvinfra.http.ProviderCall;
import io.mvinfra.openstack.compute.NovaServer;
import io.mvinfra.openstack.compute.ServerClient;
import io.mvinfra.openstack.compute.ServerMapper;
import io.mvinfra.openstack.compute.ServerUpdate;

/**
 * Server → "Update on OpenStack": its name and metadata made Nova's, as the entity holds them. Metadata only added
 * or changed is POSTed (Nova keeps the other keys); when the entity dropped a key, the whole set is PUT, which
 * replaces all. Nothing is sent when nothing differs.
 */
public class UpdateOpenStackServer extends OpenStackButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        Server server = entity(ctx, Server.class);
        String name = name(server);
        String id = requireProviderSideId(name, server.getProviderSideId(), "create it first");
        ServerClient servers = openstack(server).servers();
        NovaServer current = servers.get(id);
        ServerUpdate update = ServerUpdate.of(server, current, !servers.isCyclades());
        if (update.isEmpty()) {
            message(ctx, "%s: nothing to change at OpenStack", name);
            return;
        }
        List<ProviderCall<?>> calls = calls(servers, id, update);
        if (dryRun(ctx)) {
            message(ctx, "Dry run: %s", String.join("; ", calls.stream().map(ProviderCall::describe).toList()));
            return;
        }
        for (ProviderCall<?> call : calls) {
            call.send();
        }
        ServerMapper.copy(server, servers.get(id));
        save(server);
        message(ctx, "%s updated at OpenStack: %s", name, update.summary());
    }

    static List<ProviderCall<?>> calls(ServerClient servers, String id, ServerUpdate update) {
        List<ProviderCall<?>> calls = new ArrayList<>();
        if (update.name() != null) {
            calls.add(servers.rename(id, update.name()));
        }
        if (update.replace() != null) {
            calls.add(servers.replaceMetadata(id, update.replace()));
        }
        if (!update.merge().isEmpty()) {
            calls.add(servers.mergeMetadata(id, update.merge()));
        }
        for (String key : update.removed()) {
            calls.add(servers.deleteMetadata(id, key));
        }
        return calls;
    }
}
