package io.mvinfra.scaleway;

import java.util.Map;
import java.util.stream.Collectors;

import org.meveo.model.customEntities.PublicIp;
import org.meveo.model.customEntities.Server;
import org.meveo.model.customEntities.ServiceProvider;

/** What the buttons of a flexible IP share: its name for the operator, and the provider's servers by Scaleway id. */
public abstract class PublicIpButton extends ScalewayButton {

    /** {@code Public IP 51.15.10.20}, {@code Public IP 2001:bc8:711:4b81::/64}, or its uuid before Scaleway gave it one. */
    protected static String label(PublicIp ip) {
        String address = ip.getIpVFourAddress() != null && !ip.getIpVFourAddress().isEmpty() ? ip.getIpVFourAddress()
                : ip.getPrefix() != null && !ip.getPrefix().isEmpty() ? ip.getPrefix() : ip.getProviderSideId();
        return "Public IP " + (address != null ? address : ip.getUuid());
    }

    /** The provider's Server entities by their Scaleway id, to point an IP to the server it is attached to. */
    protected Map<String, String> serverUuids(ServiceProvider provider) {
        return findAll(Server.class, "provider", provider.getUuid()).stream().filter(s -> s.getProviderSideId() != null)
                .collect(Collectors.toMap(Server::getProviderSideId, Server::getUuid, (a, b) -> a));
    }
}
