package io.mvinfra.scaleway;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Server;
import org.meveo.model.customEntities.ServiceProvider;

import io.mvinfra.http.ProviderCall;
import io.mvinfra.scaleway.products.ScalewayServerType;
import io.mvinfra.scaleway.servers.CreateServerRequest;
import io.mvinfra.scaleway.servers.ScalewayServer;
import io.mvinfra.scaleway.servers.ServerAction;
import io.mvinfra.scaleway.servers.ServerMapper;
import io.mvinfra.scaleway.servers.ServerRequests;

/**
 * Server → "Create on Scaleway": checked against the type's constraints, priced before anything is sent (the dry run
 * says it too), created, its id kept durably at once, then powered on and waited for until running. A create whose
 * answer was lost is looked up by name, type and tags before any second send.
 */
public class CreateScalewayServer extends ScalewayServerAction {

    public CreateScalewayServer() {
        super(ServerAction.POWERON);
    }

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        Server server = entity(ctx, Server.class);
        String name = label(server);
        requireNoProviderSideId(name, server.getProviderSideId(), "update it or power it on instead");
        ServiceProvider provider = resolve(server.getProvider(), ServiceProvider.class, name + ": provider");
        List<String> zones = zones(provider);
        ScalewayClient scaleway = scaleway(provider);
        String zone = server.getZone() == null ? null : server.getZone().strip();
        Map<String, ScalewayServerType> types = zone != null && zones.contains(zone) ? scaleway.serverTypes().list(zone) : null;
        CreateServerRequest request = ServerRequests.create(server, serverParts(server, name), zones, types);
        String price = price(request.commercialType(), types.get(request.commercialType()));
        ProviderCall<ScalewayServer> create = scaleway.servers().create(zone, request);
        if (dryRun(ctx)) {
            message(ctx, "Dry run: %s; %s", create.describe(), price);
            return;
        }
        ScalewayServer created = create.send();
        ServerMapper.copy(server, created);
        saveDurably(server);   // Scaleway has the server now: whatever follows, the next press must find it, not create another
        progress(ctx, name + ": created (id " + created.id() + "), powering on");
        ScalewayServer running = perform(ctx, scaleway, server, created.state(),
                scaleway.servers().action(zone, created.id(), ServerAction.POWERON, null));
        message(ctx, "%s created (id %s) and %s in %s; %s", name, created.id(), running.state(), zone, price);
    }

    private static String price(String typeName, ScalewayServerType type) {
        if (type == null || type.hourlyPrice() == null) {
            return typeName + ": price not published";
        }
        return String.format(Locale.ROOT, "%s costs €%.4f an hour, about €%.2f a month", typeName, type.hourlyPrice(),
                type.monthlyPrice() == null ? type.hourlyPrice() * 730 : type.monthlyPrice());
    }
}
