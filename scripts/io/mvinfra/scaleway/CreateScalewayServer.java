package io.mvinfra.scaleway;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Image;
import org.meveo.model.customEntities.SecurityGroup;
import org.meveo.model.customEntities.Server;
import org.meveo.model.customEntities.ServiceProvider;
import org.meveo.model.customEntities.Volume;

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
        CreateServerRequest request = ServerRequests.create(server, parts(server, name), zones, types);
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

    private ServerRequests.Parts parts(Server server, String name) throws BusinessException {
        Image image = server.getImage() == null ? null : resolve(server.getImage(), Image.class, name + ": image");
        Volume root = server.getRootVolume() == null ? null : resolve(server.getRootVolume(), Volume.class, name + ": rootVolume");
        List<Volume> additional = new ArrayList<>();
        if (server.getAdditionalVolumes() != null) {
            for (Volume volume : server.getAdditionalVolumes().values()) {
                additional.add(resolve(volume, Volume.class, name + ": additionalVolumes"));
            }
        }
        SecurityGroup group = server.getSecurityGroup() == null ? null
                : resolve(server.getSecurityGroup(), SecurityGroup.class, name + ": securityGroup");
        return new ServerRequests.Parts(image, root, additional, group);
    }

    private static String price(String typeName, ScalewayServerType type) {
        if (type == null || type.hourlyPrice() == null) {
            return typeName + ": price not published";
        }
        return String.format(Locale.ROOT, "%s costs €%.4f an hour, about €%.2f a month", typeName, type.hourlyPrice(),
                type.monthlyPrice() == null ? type.hourlyPrice() * 730 : type.monthlyPrice());
    }
}
