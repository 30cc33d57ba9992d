package io.mvinfra.openstack;

import io.mvinfra.credentials.ProviderAccess;
import io.mvinfra.http.ProviderException;
import io.mvinfra.http.ProviderHttp;
import io.mvinfra.openstack.compute.Microversion;
import io.mvinfra.openstack.compute.ServerClient;
import io.mvinfra.openstack.image.ImageClient;
import io.mvinfra.openstack.keystone.KeystoneAuth;

/**
 * The OpenStack services as mv-infra uses them, each at its endpoint from the Keystone catalog (in the credential's
 * region), all signed by the one Keystone session of the access. Parts are made when first asked for, so a press
 * that only needs Nova never looks Glance up.
 */
public final class OpenStackClient {

    private final ProviderAccess access;
    private final KeystoneAuth keystone;
    private ServerClient servers;
    private ImageClient images;

    public OpenStackClient(ProviderAccess access) {
        this.access = access;
        this.keystone = access.auth() instanceof KeystoneAuth k ? k : null;   // null for Cyclades: one URL, a plain token
    }

    /**
     * Nova, at the microversion negotiated with this endpoint once per runtime (the version document is read on the
     * first press only).
     */
    public ServerClient servers() {
        if (servers == null && keystone == null) {
            servers = ServerClient.cyclades(access.http(new OpenStackDialect("cyclades")));
        }
        if (servers == null) {
            ProviderHttp nova = service("compute", "nova");
            Microversion version = access.runtime().session("nova-microversion:" + nova.baseUrl(), Microversion.class,
                    () -> ServerClient.negotiate(nova));
            servers = new ServerClient(nova, version);
        }
        return servers;
    }

    public ImageClient images() {
        if (images == null) {
            images = new ImageClient(service("image", "glance"));
        }
        return images;
    }

    private ProviderHttp service(String serviceType, String name) {
        if (keystone == null) {
            throw ProviderException.withoutAnswer("cyclades", ProviderException.Kind.CONFIGURATION,
                    "a Cyclades provider serves compute only here; its " + serviceType + " service is not spoken by mv-infra", null);
        }
        return access.http(new OpenStackDialect(name), keystone.endpoint(serviceType));
    }
}
