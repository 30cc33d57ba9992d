package io.mvinfra.scaleway;

import java.util.Map;
import java.util.stream.Collectors;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Server;

import io.mvinfra.http.ProviderCall;
import io.mvinfra.scaleway.servers.ScalewayServer;

/**
 * Server → "Delete on Scaleway": only a stopped server without volumes (Scaleway keeps a deleted server's volumes,
 * and deleting them is "Delete with volumes"). The entity stays, with its ServerActions, marked as no longer at
 * Scaleway: its history is the operator's to keep or delete.
 */
public class DeleteScalewayServer extends ScalewayButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        ServerAt at = serverAt(ctx, "delete the entity itself");
        Server server = at.server();
        String name = at.name();
        String id = at.id();
        String zone = at.zone();
        ScalewayClient scaleway = at.scaleway();
        ScalewayServer current = at.current();
        if (!"stopped".equals(current.state())) {
            throw new BusinessException(name + " is " + current.state() + ": power it off first, or use 'Delete with volumes',"
                    + " which terminates it");
        }
        if (!current.volumes().isEmpty()) {
            throw new BusinessException(name + " still has its volumes " + current.volumes().values().stream()
                    .map(v -> v.name() + " (" + v.id() + ")").collect(Collectors.joining(", "))
                    + ": detach them first, or use 'Delete with volumes' to delete them with it");
        }
        ProviderCall<String> delete = scaleway.servers().delete(zone, id);
        if (dryRun(ctx)) {
            describeDryRun(ctx, delete);
            return;
        }
        String outcome = sendDelete(delete);
        markGone(server);
        message(ctx, "%s %s (id %s); kept here, marked as no longer at Scaleway", name, outcome, id);
    }
}
