package io.mvinfra.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static support.Fixtures.fixture;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.cloudflare.CloudflareDialect;
import io.mvinfra.openstack.OpenStackDialect;
import io.mvinfra.openstack.keystone.KeystoneAuth;
import io.mvinfra.openstack.keystone.KeystoneClient;
import io.mvinfra.openstack.keystone.KeystoneCredentials;
import io.mvinfra.openstack.keystone.KeystoneCredentials.ProjectScope;
import io.mvinfra.openstack.keystone.KeystoneToken;
import io.mvinfra.scaleway.ScalewayDialect;
import support.FakeTime;
import support.LogCapture;
import support.TestHttp;

/**
 * A canary secret per path a secret travels (request headers, a request body, a response header, a provider's error
 * echoing it): sent where it must go, and never in a log line (every level, bodies included) nor a message.
 */
@WireMockTest
class SecretsTest {

    private static final String CANARY = "canary-7f3d9a1c5e";

    private final FakeTime time = new FakeTime();
    private HttpRuntime runtime;
    private String baseUrl;

    @BeforeEach
    void runtime(WireMockRuntimeInfo wm) {
        runtime = TestHttp.runtime(time);
        baseUrl = wm.getHttpBaseUrl();
    }

    @Test
    void bearerTokenIsSentButNeverLogged() {
        stubFor(get(urlPathEqualTo("/zones")).willReturn(okJson("{\"success\":true,\"errors\":[],\"messages\":[],\"result\":[]}")));

        String logs = logsOf(() -> client(new CloudflareDialect(), Auth.bearer(CANARY)).get("zones").list(Object.class));

        verify(getRequestedFor(urlPathEqualTo("/zones")).withHeader("Authorization", equalTo("Bearer " + CANARY)));
        assertThat(logs).contains("Authorization: " + Redactor.MASK).doesNotContain(CANARY);
    }

    @Test
    void globalApiKeyIsSentButNeverLoggedWhileTheEmailIs() {
        stubFor(get(urlPathEqualTo("/zones")).willReturn(okJson("{\"success\":true,\"errors\":[],\"messages\":[],\"result\":[]}")));
        Auth globalKey = Auth.headers(Map.of("X-Auth-Email", "ops@example.com", "X-Auth-Key", CANARY));

        String logs = logsOf(() -> client(new CloudflareDialect(), globalKey).get("zones").send());

        verify(getRequestedFor(urlPathEqualTo("/zones")).withHeader("X-Auth-Key", equalTo(CANARY)));
        assertThat(logs).contains("X-Auth-Email: ops@example.com").doesNotContain(CANARY);
        assertThat(globalKey.toString()).doesNotContain(CANARY);
    }

    @Test
    void authTokenEchoedInAnErrorNeverReachesTheMessageNorTheLogs() {
        stubFor(get(urlPathEqualTo("/instance/v1/zones/fr-par-1/servers")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"type\":\"denied_authentication\",\"method\":\"api_key\",\"reason\":\"not_found\","
                        + "\"message\":\"api key " + CANARY + " is unknown\"}")));

        ProviderException[] thrown = new ProviderException[1];
        String logs = logsOf(() -> thrown[0] = catchThrowableOfType(ProviderException.class,
                () -> client(new ScalewayDialect(), Auth.header("X-Auth-Token", CANARY)).get("instance/v1/zones/fr-par-1/servers").send()));

        assertThat(thrown[0].getMessage()).contains("api key " + Redactor.MASK + " is unknown").doesNotContain(CANARY);
        assertThat(thrown[0].providerMessage()).doesNotContain(CANARY);
        assertThat(logs).doesNotContain(CANARY);
    }

    @Test
    void keystonePasswordInTheRequestBodyAndTheSubjectTokenInTheAnswerAreNeverLogged() {
        stubFor(post(urlPathEqualTo("/v3/auth/tokens")).willReturn(aResponse().withStatus(201)
                .withHeader("X-Subject-Token", "gAAAAAB-" + CANARY).withHeader("Content-Type", "application/json")
                .withBody(fixture("keystone/token-password.json"))));
        KeystoneClient keystone = KeystoneClient.at(runtime, baseUrl + "/v3");
        KeystoneCredentials password = new KeystoneCredentials.Password("demo", "Default", CANARY, ProjectScope.byName("demo", "Default"));

        KeystoneToken[] token = new KeystoneToken[1];
        String logs = logsOf(() -> token[0] = keystone.authenticate(password));

        verify(postRequestedFor(urlPathEqualTo("/v3/auth/tokens")).withRequestBody(containing(CANARY)));
        assertThat(token[0].value()).isEqualTo("gAAAAAB-" + CANARY);
        assertThat(logs).contains("\"password\":\"" + Redactor.MASK + "\"").contains("X-Subject-Token: " + Redactor.MASK)
                .doesNotContain(CANARY);
        assertThat(password.toString()).doesNotContain(CANARY);
        assertThat(token[0].toString()).doesNotContain(CANARY);
    }

    @Test
    void applicationCredentialSecretIsNeverLoggedNorShownWhenKeystoneRefusesIt() {
        stubFor(post(urlPathEqualTo("/v3/auth/tokens")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody(fixture("keystone/unauthorized.json"))));
        KeystoneCredentials appCredential = new KeystoneCredentials.ApplicationCredential("fcfa082e0b354c118ce5076037f91609", CANARY);
        KeystoneAuth auth = new KeystoneAuth(KeystoneClient.at(runtime, baseUrl), appCredential, null, Duration.ofMinutes(5), time);

        ProviderException[] thrown = new ProviderException[1];
        String logs = logsOf(() -> thrown[0] = catchThrowableOfType(ProviderException.class, auth::token));

        assertThat(thrown[0].kind()).isEqualTo(ProviderException.Kind.AUTH);
        assertThat(thrown[0].getMessage()).doesNotContain(CANARY);
        assertThat(logs).doesNotContain(CANARY);
        assertThat(auth.toString()).doesNotContain(CANARY);
    }

    @Test
    void keystoneTokenSentToAServiceIsNeverLogged() {
        stubFor(post(urlPathEqualTo("/v3/auth/tokens")).willReturn(aResponse().withStatus(201)
                .withHeader("X-Subject-Token", CANARY).withBody(fixture("keystone/token-password.json"))));
        stubFor(get(urlPathEqualTo("/v2.1/servers")).willReturn(okJson("{\"servers\":[]}")));
        KeystoneAuth auth = new KeystoneAuth(KeystoneClient.at(runtime, baseUrl),
                new KeystoneCredentials.Password("demo", "Default", "secret-demo", ProjectScope.byName("demo", "Default")),
                null, Duration.ofMinutes(5), time);

        String logs = logsOf(() -> client(new OpenStackDialect("nova"), auth).get("v2.1/servers").send());

        verify(getRequestedFor(urlPathEqualTo("/v2.1/servers")).withHeader("X-Auth-Token", equalTo(CANARY)));
        assertThat(logs).contains("X-Auth-Token: " + Redactor.MASK).doesNotContain(CANARY).doesNotContain("secret-demo");
    }

    private ProviderHttp client(ProviderDialect dialect, Auth auth) {
        return ProviderHttp.builder(runtime, baseUrl, dialect).auth(auth).build();
    }

    private static String logsOf(Runnable action) {
        try (LogCapture logs = LogCapture.start()) {
            action.run();
            String text = logs.text();
            assertThat(text).as("the capture saw the layer's TRACE lines").contains(" -> headers:");
            return text;
        }
    }
}
