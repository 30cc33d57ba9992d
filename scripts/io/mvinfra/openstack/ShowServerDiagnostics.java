package io.mvinfra.openstack;

import java.util.List;
import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Server;

import io.mvinfra.openstack.compute.CycladesDiagnostic;

/**
 * Server → "Diagnostics" (Synnefo Cyclades): the server's build and action log as Cyclades keeps it, newest first,
 * the last {@value #SHOWN} entries in the message; nothing is stored.
 */
public class ShowServerDiagnostics extends OpenStackButton {

    static final int SHOWN = 20;

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        Server server = entity(ctx, Server.class);
        String name = name(server);
        String id = requireProviderSideId(name, server.getProviderSideId(), "press 'List servers' or create it first");
        List<CycladesDiagnostic> entries = openstack(server).servers().diagnostics(id);
        if (entries.isEmpty()) {
            message(ctx, "%s: Cyclades has no diagnostics for it", name);
            return;
        }
        List<String> lines = entries.stream().limit(SHOWN).map(CycladesDiagnostic::line).toList();
        message(ctx, "%s: %d diagnostics%s:%n%s", name, entries.size(), entries.size() > SHOWN ? ", the newest " + SHOWN : "",
                String.join(System.lineSeparator(), lines));
    }
}
