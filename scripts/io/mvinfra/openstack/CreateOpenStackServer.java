package io.mvinfra.openstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Image;
import org.meveo.model.customEntities.SecurityGroup;
import org.meveo.model.customEntities.Server;
import org.meveo.model.customEntities.ServerNetwork;

import io.mvinfra.http.ProviderCall;
import io.mvinfra.openstack.compute.CreateServerRequest;
import io.mvinfra.openstack.compute.NovaServer;
import io.mvinfra.openstack.compute.ServerClient;
import io.mvinfra.openstack.compute.ServerMapper;
import io.mvinfra.openstack.compute.ServerRequests;
import io.mvinfra.openstack.image.GlanceImage;

/**
 * Server → "Create on OpenStack": checked first (flavor and image found in the cloud, user data within Nova's limit),
 * created, its id kept durably as soon as Nova answers, then waited for until ACTIVE, or failed with the fault of a
 * server gone ERROR. Parameter {@code networks} ({@code auto} or {@code none}) for a Server without networks. At
 * Cyclades the Server's {@code personality} files and {@code project} go with the create.
 */
public class CreateOpenStackServer extends OpenStackButton {

    public static final String NETWORKS = "networks";

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        Server server = entity(ctx, Server.class);
        String name = name(server);
        requireNoProviderSideId(name, server.getProviderSideId(), "press 'List servers' to refresh it");
        OpenStackClient openstack = openstack(server);
        ServerClient servers = openstack.servers();
        CreateServerRequest request = ServerRequests.create(server, parts(openstack, server, name), servers.version(),
                parameter(ctx, NETWORKS), servers.isCyclades());
        ProviderCall<NovaServer> create = servers.create(request);
        if (dryRun(ctx)) {
            describeDryRun(ctx, create);
            return;
        }
        NovaServer active = recorded(ctx, server, "create", action -> {
            NovaServer created = create.send();
            server.setProviderSideId(created.id());
            server.setStatus("BUILD");
            server.setMissingAtProvider(Boolean.FALSE);
            saveDurably(server);   // Nova has the server now: whatever follows, the next press must find it, not make another
            action.sent(created.id(), "server " + created.id() + " accepted by Nova");
            NovaServer reached = states(servers).await(created.id(), "ACTIVE", null, name, looks(action));
            action.succeeded(reached.state());
            return reached;
        });
        ServerMapper.copy(server, active);
        save(server);
        message(ctx, "%s created (id %s), ACTIVE on flavor %s%s", name, active.id(), active.flavorName(),
                active.fixedIp() == null ? "" : ", address " + active.fixedIp());
    }

    private ServerRequests.Parts parts(OpenStackClient openstack, Server server, String name) throws BusinessException {
        String flavor = server.getServerType() == null || server.getServerType().isBlank() ? null
                : openstack.servers().flavorId(server.getServerType().strip());
        Image image = server.getImage() == null ? null : resolve(server.getImage(), Image.class, name + ": image");
        List<ServerNetwork> networks = new ArrayList<>();
        if (server.getNetwork() != null) {
            for (ServerNetwork network : server.getNetwork()) {
                networks.add(resolve(network, ServerNetwork.class, name + ": network"));
            }
        }
        SecurityGroup group = server.getSecurityGroup() == null ? null
                : resolve(server.getSecurityGroup(), SecurityGroup.class, name + ": securityGroup");
        return new ServerRequests.Parts(imageId(openstack, image), flavor, networks, group);
    }

    /** The image's id at the provider, or the one image of its name in Glance; null when neither says which. */
    private static String imageId(OpenStackClient openstack, Image image) {
        if (image == null) {
            return null;
        }
        if (image.getProviderSideId() != null && !image.getProviderSideId().isBlank()) {
            return image.getProviderSideId().strip();
        }
        if (image.getName() == null || image.getName().isBlank()) {
            return null;
        }
        List<GlanceImage> named = openstack.images().named(image.getName().strip());
        return named.size() == 1 ? named.get(0).id() : null;
    }
}
