package io.mvinfra.openstack;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Server;

import io.mvinfra.http.ProviderCall;
import io.mvinfra.openstack.compute.ServerClient;
import io.mvinfra.openstack.compute.ServerConsole;

/**
 * Server → "Console": a console for the operator, shown in this press's message and kept nowhere: Nova's noVNC URL
 * (its token is the key to the console), or Cyclades' VNC host, port and one-time password. The ServerAction records
 * that a console was given, never its URL or password; the host's audit trail keeps the message with them masked.
 */
public class OpenServerConsole extends OpenStackButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        Server server = entity(ctx, Server.class);
        String name = name(server);
        String id = requireProviderSideId(name, server.getProviderSideId(), "create it first");
        ServerClient servers = openstack(server).servers();
        ProviderCall<ServerConsole> call = servers.console(id);
        if (dryRun(ctx)) {
            describeDryRun(ctx, call);
            return;
        }
        ServerConsole console = recorded(ctx, server, "console", action -> {
            ServerConsole given = call.send();
            action.sent(null, (given.type() == null ? "vnc" : given.type()) + " console given; shown to the operator once, not kept");
            action.succeeded("console given");
            return given;
        });
        if (console.url() != null && !console.url().isBlank()) {
            messageShownOnce(ctx, console.secrets(), "%s: %s console at %s (shown this once, not kept; it stops working when it expires)",
                    name, console.type() == null ? "vnc" : console.type(), console.url());
        } else {
            messageShownOnce(ctx, console.secrets(), "%s: VNC console at %s port %s, password %s (shown this once, not kept)",
                    name, console.host(), console.port(), console.password());
        }
    }
}
