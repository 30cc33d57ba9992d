package io.mvinfra.openstack;

import io.mvinfra.http.HttpRuntime;
import io.mvinfra.http.ProviderHttp;
import io.mvinfra.http.TimeSource;
import io.mvinfra.openstack.compute.ServerClient;
import io.mvinfra.openstack.keystone.KeystoneAuth;
import io.mvinfra.openstack.keystone.KeystoneClient;
import io.mvinfra.openstack.keystone.KeystoneCredentials;
import io.mvinfra.openstack.keystone.KeystoneCredentials.ProjectScope;
import io.mvinfra.openstack.network.NetworkClient;
import io.mvinfra.openstack.volume.VolumeClient;
import support.LocalServices;

/**
 * The real loopback stack straight from the clients, as user demo (what the buttons' provider uses) or admin, to look
 * behind the buttons and clean up after them.
 */
final class LiveStack {

    static final String ADMIN_PASSWORD = "secret-admin";

    private final KeystoneAuth keystone;

    private LiveStack(KeystoneCredentials credentials) {
        this.keystone = new KeystoneAuth(KeystoneClient.at(HttpRuntime.shared(), LocalServices.KEYSTONE_URL), credentials, null,
                KeystoneAuth.DEFAULT_RENEWAL_MARGIN, TimeSource.SYSTEM);
    }

    static LiveStack demo() {
        return new LiveStack(new KeystoneCredentials.Password("demo", "Default", OpenStackTestbed.PASSWORD,
                ProjectScope.byName("demo", "Default")));
    }

    static LiveStack admin() {
        return new LiveStack(new KeystoneCredentials.Password("admin", "Default", ADMIN_PASSWORD, ProjectScope.byName("admin", "Default")));
    }

    private ProviderHttp http(String type, String name) {
        return ProviderHttp.builder(HttpRuntime.shared(), keystone.endpoint(type).toString(), new OpenStackDialect(name)).auth(keystone).build();
    }

    VolumeClient volumes() {
        return new VolumeClient(http("volumev3", "cinder"));
    }

    ServerClient nova() {
        ProviderHttp http = http("compute", "nova");
        return new ServerClient(http, ServerClient.negotiate(http));
    }

    NetworkClient neutron() {
        return NetworkClient.at(http("network", "neutron"));
    }

    /** Revokes {@code token} ({@code DELETE /v3/auth/tokens}, X-Subject-Token), as this user: admin may revoke anyone's. */
    void revoke(String token) {
        ProviderHttp.builder(HttpRuntime.shared(), LocalServices.KEYSTONE_URL + "/", new OpenStackDialect("keystone")).auth(keystone).build()
                .delete("auth/tokens").header("X-Subject-Token", token).send();
    }

    /** Whether Keystone still takes {@code token} ({@code GET /v3/auth/tokens}: 200, or 404 once revoked). */
    boolean valid(String token) {
        try {
            ProviderHttp.builder(HttpRuntime.shared(), LocalServices.KEYSTONE_URL + "/", new OpenStackDialect("keystone")).auth(keystone).build()
                    .get("auth/tokens").header("X-Subject-Token", token).send();
            return true;
        } catch (io.mvinfra.http.ProviderException e) {
            if (e.is(io.mvinfra.http.ProviderException.Kind.NOT_FOUND)) {
                return false;
            }
            throw e;
        }
    }
}
