package io.mvinfra.scaleway;

import java.time.Instant;
import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Server;

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
        ServerAt at = serverAt(ctx, "create it first");
        Server server = at.server();
        String name = at.name();
        String id = at.id();
        String zone = at.zone();
        ScalewayClient scaleway = at.scaleway();
        ScalewayServer current = at.current();
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
