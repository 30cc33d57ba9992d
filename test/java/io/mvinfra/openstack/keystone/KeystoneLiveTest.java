package io.mvinfra.openstack.keystone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.mvinfra.http.HttpRuntime;
import io.mvinfra.http.HttpSettings;
import io.mvinfra.http.ProviderException;
import io.mvinfra.http.ProviderException.Kind;
import io.mvinfra.http.ProviderHttp;
import io.mvinfra.http.TimeSource;
import io.mvinfra.openstack.OpenStackDialect;
import io.mvinfra.openstack.keystone.KeystoneCredentials.ProjectScope;
import support.FakeTime;
import support.LocalServices;

/**
 * Against the real Keystone of ../shared/openstack-local (users admin/secret-admin and demo/secret-demo in domain
 * Default, one region RegionOne). Skipped when it is not running, unless MVINFRA_REQUIRE_SERVICES=1.
 */
class KeystoneLiveTest {

    private static final KeystoneCredentials DEMO =
            new KeystoneCredentials.Password("demo", "Default", "secret-demo", ProjectScope.byName("demo", "Default"));

    private final HttpRuntime runtime = new HttpRuntime(HttpSettings.defaults(), TimeSource.SYSTEM);
    private KeystoneClient keystone;

    @BeforeAll
    static void keystoneIsUp() {
        LocalServices.requireKeystone();
    }

    @BeforeEach
    void client() {
        keystone = KeystoneClient.at(runtime, LocalServices.KEYSTONE_URL);
    }

    @Test
    void passwordAuthGivesAProjectTokenWithItsExpiryAndCatalog() {
        KeystoneToken token = keystone.authenticate(DEMO);

        assertThat(token.value()).startsWith("gAAAAA");   // a Fernet token
        assertThat(token.expiresAt()).isAfter(Instant.now()).isAfter(token.issuedAt());
        assertThat(token.projectId()).isNotBlank();
        assertThat(token.catalog().services()).extracting(Catalog.Service::type).contains("identity");
    }

    @Test
    void passwordAuthScopedByProjectIdGivesTheSameProject() {
        String projectId = keystone.authenticate(DEMO).projectId();

        KeystoneToken token = keystone.authenticate(
                new KeystoneCredentials.Password("demo", "Default", "secret-demo", ProjectScope.byId(projectId)));

        assertThat(token.projectId()).isEqualTo(projectId);
    }

    @Test
    void catalogGivesTheIdentityEndpointPerInterfaceInRegionOne() {
        KeystoneAuth auth = new KeystoneAuth(keystone, DEMO, "RegionOne", KeystoneAuth.DEFAULT_RENEWAL_MARGIN, TimeSource.SYSTEM);

        assertThat(auth.endpoint("identity")).hasToString("http://127.0.0.1:5000/v3/");
        assertThat(auth.endpoint("identity", "internal", "RegionOne")).hasToString("http://127.0.0.1:5000/v3/");
        ProviderException missing = catchThrowableOfType(ProviderException.class, () -> auth.endpoint("identity", "public", "Elsewhere"));
        assertThat(missing.kind()).isEqualTo(Kind.CONFIGURATION);
        assertThat(missing.getMessage()).contains("no public 'identity' endpoint in region Elsewhere");
    }

    @Test
    void applicationCredentialMadeThroughTheApiAuthenticates() {
        KeystoneAuth demo = new KeystoneAuth(keystone, DEMO, null, KeystoneAuth.DEFAULT_RENEWAL_MARGIN, TimeSource.SYSTEM);
        ProviderHttp identity = ProviderHttp.builder(runtime, KeystoneClient.v3(LocalServices.KEYSTONE_URL), new OpenStackDialect("keystone"))
                .auth(demo).build();
        String userId = identity.get("auth/tokens").header("X-Subject-Token", demo.token().value()).send()
                .json().path("token").path("user").path("id").asText();
        JsonNode created = identity.post("users/{user}/application_credentials", userId)
                .body(Map.of("application_credential", Map.of("name", "mv-infra-test-" + System.nanoTime())))
                .at("application_credential").send().json().path("application_credential");
        String id = created.path("id").asText();
        try {
            KeystoneToken token = keystone.authenticate(
                    new KeystoneCredentials.ApplicationCredential(id, created.path("secret").asText()));

            assertThat(token.value()).startsWith("gAAAAA");
            assertThat(token.projectId()).isEqualTo(demo.token().projectId());
            assertThat(token.expiresAt()).isAfter(Instant.now());
        } finally {
            identity.delete("users/{user}/application_credentials/{id}", userId, id).send();
        }
    }

    @Test
    void wrongPasswordIsReportedAsAnAuthError() {
        ProviderException e = catchThrowableOfType(ProviderException.class, () -> keystone.authenticate(
                new KeystoneCredentials.Password("demo", "Default", "not-the-password", ProjectScope.byName("demo", "Default"))));

        assertThat(e.kind()).isEqualTo(Kind.AUTH);
        assertThat(e.httpStatus()).isEqualTo(401);
        assertThat(e.providerCode()).isEqualTo("Unauthorized");
        assertThat(e.requestId()).startsWith("req-");
        assertThat(e.getMessage()).startsWith("keystone refused the request (HTTP 401, Unauthorized): "
                + "The request you have made requires authentication. [request id req-").doesNotContain("not-the-password");
    }

    @Test
    void revokedTokenIsRenewedOnItsFirst401() {
        KeystoneAuth demo = new KeystoneAuth(keystone, DEMO, null, KeystoneAuth.DEFAULT_RENEWAL_MARGIN, TimeSource.SYSTEM);
        ProviderHttp identity = ProviderHttp.builder(runtime, KeystoneClient.v3(LocalServices.KEYSTONE_URL), new OpenStackDialect("keystone"))
                .auth(demo).build();
        String first = demo.token().value();
        identity.delete("auth/tokens").header("X-Subject-Token", first).send();   // revoke the token in use

        JsonNode projects = identity.get("auth/projects").at("projects").read(JsonNode.class);

        assertThat(projects.findValuesAsText("name")).contains("demo");
        assertThat(demo.current()).hasValueSatisfying(t -> assertThat(t.value()).isNotEqualTo(first));
    }

    @Test
    void tokenIsUsedUntilTheMarginBeforeItsExpiryThenRenewed() {
        FakeTime time = new FakeTime(Instant.now());
        KeystoneAuth demo = new KeystoneAuth(keystone, DEMO, null, Duration.ofMinutes(5), time);
        KeystoneToken first = demo.token();

        time.advance(Duration.between(time.now(), first.expiresAt()).minusMinutes(6));
        KeystoneToken stillFirst = demo.token();
        time.advance(Duration.ofMinutes(2));
        KeystoneToken renewed = demo.token();

        assertThat(stillFirst).isSameAs(first);
        assertThat(renewed.value()).isNotEqualTo(first.value());
        assertThat(renewed.expiresAt()).isAfterOrEqualTo(first.expiresAt());   // Keystone counts in whole seconds
    }
}
