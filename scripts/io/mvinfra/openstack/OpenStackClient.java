package io.mvinfra.openstack;

import io.mvinfra.credentials.ProviderAccess;
import io.mvinfra.http.ProviderException;
import io.mvinfra.http.ProviderHttp;
import io.mvinfra.openstack.compute.Microversion;
import io.mvinfra.openstack.compute.ServerClient;
import io.mvinfra.openstack.image.ImageClient;
import io.mvinfra.openstack.keystone.KeystoneAuth;
import io.mvinfra.openstack.network.NetworkClient;
import io.mvinfra.openstack.volume.VolumeClient;

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
    private VolumeClient volumes;
    private NetworkClient networks;

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

    /**
     * Cinder v3, catalogued as {@code volumev3} (what most clouds and Nova use) or, by the service-types authority's
     * name, {@code block-storage}; its URL holds the project.
     */
    public VolumeClient volumes() {
        if (volumes == null) {
            String type = keystone != null && !keystone.offers("volumev3") && keystone.offers("block-storage") ? "block-storage" : "volumev3";
            volumes = new VolumeClient(service(type, "cinder"));
        }
        return volumes;
    }

    /** Neutron v2.0; the catalog gives its root, the API is under {@code v2.0/}. */
    public NetworkClient networks() {
        if (networks == null) {
            networks = NetworkClient.at(service("network", "neutron"));
        }
        return networks;
    }

    /** The Keystone session of an OPENSTACK or OVH provider: its catalog, for what a press reads of it; null for Cyclades. */
    public KeystoneAuth keystone() {
        return keystone;
    }

    private ProviderHttp service(String serviceType, String name) {
        if (keystone == null) {
            throw ProviderException.withoutAnswer("cyclades", ProviderException.Kind.CONFIGURATION,
                    "a Cyclades provider serves compute only here; its " + serviceType + " service is not spoken by mv-infra", null);
        }
        return access.http(new OpenStackDialect(name), keystone.endpoint(serviceType));
    }
}
