package io.mvinfra.openstack;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.mvinfra.http.HttpRuntime;
import io.mvinfra.http.HttpSettings;
import io.mvinfra.http.TimeSource;
import support.FakeTime;
import support.LocalServices;
import support.ModuleTestbed;
import support.TestHttp;

/**
 * The module as an OpenStack operator has it: an OPENSTACK ServiceProvider whose Keystone is {@code keystoneUrl} (the
 * real one of ../shared/openstack-local, or a WireMock stub playing Keystone and Nova), the demo user's password
 * credential, and a name filter so that a list speaks only for the servers this test made.
 */
final class OpenStackTestbed extends ModuleTestbed {

    static final String PASSWORD = "secret-demo";

    final String credential;
    final String provider;

    private OpenStackTestbed(String keystoneUrl, String namePrefix, Optional<HttpRuntime> runtime) {
        super(runtime);
        this.credential = create("Credential", Map.of("domainName", "keystone.local", "authenticationType", "OPENSTACK_PASSWORD",
                "username", "demo", "password", PASSWORD, "userDomain", "Default", "projectName", "demo", "projectDomain", "Default"));
        this.provider = create("ServiceProvider", Map.of("code", "openstack-local", "kind", "OPENSTACK", "apiBaseUrl", keystoneUrl,
                "credential", credential, "serverNameFilter", List.of(namePrefix)));
    }

    private OpenStackTestbed(String cycladesUrl, String namePrefix, String token, Optional<HttpRuntime> runtime) {
        super(runtime);
        this.credential = create("Credential", Map.of("domainName", "cyclades.local", "authenticationType", "CYCLADES_TOKEN",
                "token", token));
        this.provider = create("ServiceProvider", Map.of("code", "cyclades-stub", "kind", "CYCLADES", "apiBaseUrl", cycladesUrl,
                "credential", credential, "serverNameFilter", List.of(namePrefix)));
    }

    /** On stubs, with a shared HTTP runtime on {@code time} (waits take none, fixtures' tokens are fresh) until {@link #close}. */
    static OpenStackTestbed at(String keystoneUrl, String namePrefix, FakeTime time) {
        return new OpenStackTestbed(keystoneUrl, namePrefix, Optional.of(TestHttp.runtime(time)));
    }

    /** Beside a testbed that brought its runtime: on whichever runtime is shared, which it leaves in place. */
    static OpenStackTestbed at(String keystoneUrl, String namePrefix) {
        return new OpenStackTestbed(keystoneUrl, namePrefix, Optional.empty());
    }

    /**
     * On the real Keystone of ../shared/openstack-local, with a shared HTTP runtime of its own on the system clock (real
     * waits, real token lifetimes) until {@link #close}, which puts the previous one back.
     */
    static OpenStackTestbed live(String namePrefix) {
        return new OpenStackTestbed(LocalServices.KEYSTONE_URL, namePrefix,
                Optional.of(new HttpRuntime(HttpSettings.defaults(), TimeSource.SYSTEM)));
    }

    /** A CYCLADES ServiceProvider at {@code cycladesUrl} (its compute URL), signed by a plain Synnefo token, on {@code time}. */
    static OpenStackTestbed cyclades(String cycladesUrl, String namePrefix, String token, FakeTime time) {
        return new OpenStackTestbed(cycladesUrl, namePrefix, token, Optional.of(TestHttp.runtime(time)));
    }

    /** A Server of this provider: {@code server("instanceName", "dev-web-1", "serverType", "m1.tiny", …)}. */
    String server(Object... fieldsAndValues) {
        return create("Server", fields("provider", provider, fieldsAndValues));
    }
}
