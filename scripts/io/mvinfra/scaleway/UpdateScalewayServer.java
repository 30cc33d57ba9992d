package io.mvinfra.scaleway;

import java.time.Instant;
import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Server;
import org.meveo.model.customEntities.ServiceProvider;

import io.mvinfra.http.ProviderCall;
import io.mvinfra.scaleway.servers.ScalewayServer;
import io.mvinfra.scaleway.servers.ServerMapper;
import io.mvinfra.scaleway.servers.ServerRequests;
import io.mvinfra.scaleway.servers.UpdateServerRequest;

/**
 * Server → "Update on Scaleway": name, tags, security group, protection, and (stopped only) its additional volumes;
 * only what differs from Scaleway's copy is sent. The image cannot change.
 */
public class UpdateScalewayServer extends ScalewayButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        Server server = entity(ctx, Server.class);
        String name = label(server);
        String id = requireProviderSideId(name, server.getProviderSideId(), "create it first");
        String zone = zoneOf(server);
        ScalewayClient scaleway = scaleway(resolve(server.getProvider(), ServiceProvider.class, name + ": provider"));
        ScalewayServer current = scaleway.servers().get(zone, id);
        UpdateServerRequest changes = ServerRequests.changes(server, serverParts(server, name), current);
        if (changes.isEmpty()) {
            boolean refreshed = !dryRun(ctx) && ServerMapper.copy(server, current);
            if (refreshed) {
                save(server);
            }
            message(ctx, "%s: nothing to change at Scaleway%s", name, refreshed ? " (took what only Scaleway sets)" : "");
            return;
        }
        ProviderCall<ScalewayServer> update = scaleway.servers().update(zone, id, changes);
        if (dryRun(ctx)) {
            describeDryRun(ctx, update);
            return;
        }
        ScalewayServer updated = update.send();
        ServerMapper.copy(server, updated);
        server.setLastUpdate(updated.modificationDate() != null ? updated.modificationDate() : Instant.now());
        save(server);
        message(ctx, "%s updated at Scaleway: %s", name, String.join(", ", changes.changedFields()));
    }
}
