package io.mvinfra.openstack.keystone;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
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
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.http.HttpRuntime;
import io.mvinfra.http.ProviderException;
import io.mvinfra.http.ProviderException.Kind;
import io.mvinfra.http.ProviderHttp;
import okhttp3.HttpUrl;
import io.mvinfra.openstack.OpenStackDialect;
import io.mvinfra.openstack.keystone.KeystoneCredentials.ProjectScope;
import support.FakeTime;
import support.Stubs;
import support.TestHttp;

@WireMockTest
class KeystoneAuthTest {

    private static final String TOKENS = "/v3/auth/tokens";
    private static final KeystoneCredentials DEMO =
            new KeystoneCredentials.Password("demo", "Default", "secret-demo", ProjectScope.byName("demo", "Default"));

    private final FakeTime time = new FakeTime();   // 10:00; the fixture's token was issued at 10:00, expires at 11:00
    private HttpRuntime runtime;
    private String baseUrl;

    @BeforeEach
    void runtime(WireMockRuntimeInfo wm) {
        runtime = TestHttp.runtime(time);
        baseUrl = wm.getHttpBaseUrl();
        stubFor(get(urlPathEqualTo("/v2.1/servers")).willReturn(okJson("{\"servers\":[]}")));
    }

    @Test
    void passwordAuthSendsUserDomainAndProjectByName() {
        Stubs.inTurn(() -> post(TOKENS), issued("token-1", "keystone/token-password.json"));

        KeystoneToken token = client().authenticate(DEMO);

        verify(postRequestedFor(urlPathEqualTo(TOKENS))
                .withRequestBody(equalToJson(fixture("keystone/auth-password-by-project-name-request.json"))));
        assertThat(token.value()).isEqualTo("token-1");
        assertThat(token.expiresAt()).isEqualTo(Instant.parse("2026-01-15T11:00:00Z"));
        assertThat(token.issuedAt()).isEqualTo(Instant.parse("2026-01-15T10:00:00Z"));
        assertThat(token.projectId()).isEqualTo("2a04a35785a946689bfdf41f4b7d1537");
    }

    @Test
    void passwordAuthCanScopeByProjectId() {
        Stubs.inTurn(() -> post(TOKENS), issued("token-1", "keystone/token-password.json"));

        client().authenticate(new KeystoneCredentials.Password("demo", "Default", "secret-demo",
                ProjectScope.byId("2a04a35785a946689bfdf41f4b7d1537")));

        verify(postRequestedFor(urlPathEqualTo(TOKENS))
                .withRequestBody(equalToJson(fixture("keystone/auth-password-by-project-id-request.json"))));
    }

    @Test
    void applicationCredentialAuthSendsIdAndSecretWithoutScope() {
        Stubs.inTurn(() -> post(TOKENS), issued("token-ac", "keystone/token-application-credential.json"));

        KeystoneToken token = client().authenticate(
                new KeystoneCredentials.ApplicationCredential("fcfa082e0b354c118ce5076037f91609", "app-cred-secret"));

        verify(postRequestedFor(urlPathEqualTo(TOKENS))
                .withRequestBody(equalToJson(fixture("keystone/auth-application-credential-request.json"))));
        assertThat(token.value()).isEqualTo("token-ac");
    }

    @Test
    void tokenIsSentAsXAuthTokenAndKeptForLaterCalls() {
        Stubs.inTurn(() -> post(TOKENS), issued("token-1", "keystone/token-password.json"));
        ProviderHttp nova = nova(auth());

        for (int i = 0; i < 3; i++) {
            nova.get("v2.1/servers").send();
        }

        verify(1, postRequestedFor(urlPathEqualTo(TOKENS)));
        verify(3, getRequestedFor(urlPathEqualTo("/v2.1/servers")).withHeader("X-Auth-Token", equalTo("token-1")));
    }

    @Test
    void tokenIsRenewedTheMarginBeforeItsExpiry() {
        Stubs.inTurn(() -> post(TOKENS), issued("token-1", "keystone/token-password.json"),
                issued("token-2", "keystone/token-password.json"));
        KeystoneAuth auth = auth();
        ProviderHttp nova = nova(auth);
        nova.get("v2.1/servers").send();

        time.advance(Duration.ofMinutes(54));   // 10:54, six minutes left: still used
        nova.get("v2.1/servers").send();
        time.advance(Duration.ofMinutes(2));    // 10:56, within the five-minute margin: renewed
        nova.get("v2.1/servers").send();

        verify(2, postRequestedFor(urlPathEqualTo(TOKENS)));
        verify(2, getRequestedFor(urlPathEqualTo("/v2.1/servers")).withHeader("X-Auth-Token", equalTo("token-1")));
        verify(1, getRequestedFor(urlPathEqualTo("/v2.1/servers")).withHeader("X-Auth-Token", equalTo("token-2")));
        assertThat(auth.current()).hasValueSatisfying(t -> assertThat(t.value()).isEqualTo("token-2"));
    }

    @Test
    void tokenRefusedByAServiceIsRenewedOnceAndTheRequestRetriedOnce() {
        Stubs.inTurn(() -> post(TOKENS), issued("token-1", "keystone/token-password.json"),
                issued("token-2", "keystone/token-password.json"));
        stubFor(get(urlPathEqualTo("/v2.1/servers")).withHeader("X-Auth-Token", equalTo("token-1"))
                .willReturn(aResponse().withStatus(401).withBody(fixture("keystone/unauthorized.json"))));

        nova(auth()).get("v2.1/servers").send();

        verify(2, postRequestedFor(urlPathEqualTo(TOKENS)));
        verify(2, getRequestedFor(urlPathEqualTo("/v2.1/servers")));
        verify(1, getRequestedFor(urlPathEqualTo("/v2.1/servers")).withHeader("X-Auth-Token", equalTo("token-2")));
    }

    @Test
    void tokenRefusedAgainAfterRenewalIsAnAuthError() {
        Stubs.inTurn(() -> post(TOKENS), issued("token-1", "keystone/token-password.json"),
                issued("token-2", "keystone/token-password.json"));
        stubFor(get(urlPathEqualTo("/v2.1/servers")).willReturn(aResponse().withStatus(401)
                .withHeader("X-Openstack-Request-Id", "req-7bc774ea").withBody(fixture("keystone/unauthorized.json"))));

        ProviderException e = catchThrowableOfType(ProviderException.class, () -> nova(auth()).get("v2.1/servers").send());

        assertThat(e.kind()).isEqualTo(Kind.AUTH);
        assertThat(e.getMessage()).isEqualTo("nova refused the request (HTTP 401, Unauthorized): "
                + "The request you have made requires authentication. [request id req-7bc774ea]");
        verify(2, postRequestedFor(urlPathEqualTo(TOKENS)));
        verify(2, getRequestedFor(urlPathEqualTo("/v2.1/servers")));
    }

    @Test
    void wrongPasswordIsAnAuthErrorFromKeystone() {
        stubFor(post(TOKENS).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withHeader("X-Openstack-Request-Id", "req-7bc774ea").withBody(fixture("keystone/unauthorized.json"))));

        ProviderException e = catchThrowableOfType(ProviderException.class, () -> auth().token());

        assertThat(e.provider()).isEqualTo("keystone");
        assertThat(e.kind()).isEqualTo(Kind.AUTH);
        assertThat(e.requestId()).isEqualTo("req-7bc774ea");
        verify(1, postRequestedFor(urlPathEqualTo(TOKENS)));
    }

    @Test
    void forcedRenewalIssuesANewTokenAndCurrentShowsIt() {
        Stubs.inTurn(() -> post(TOKENS), issued("token-1", "keystone/token-password.json"),
                issued("token-2", "keystone/token-password.json"));
        KeystoneAuth auth = auth();
        assertThat(auth.current()).isEmpty();

        auth.token();
        KeystoneToken renewed = auth.renew();

        assertThat(renewed.value()).isEqualTo("token-2");
        assertThat(auth.current()).contains(renewed);
    }

    @Test
    void tokenKeptOnTheCredentialIsUsedWithoutAskingKeystoneAndItsCatalogFetchedWhenNeeded() {
        stubFor(get(urlPathEqualTo("/v3/auth/catalog")).withHeader("X-Auth-Token", equalTo("stored-token"))
                .willReturn(okJson(fixture("keystone/catalog.json"))));
        KeystoneAuth auth = auth().resume("stored-token", Instant.parse("2026-01-15T10:30:00Z"));

        nova(auth).get("v2.1/servers").send();
        HttpUrl compute = auth.endpoint("compute", "public", "SBG5");

        assertThat(compute).hasToString("https://compute.sbg5.cloud.example/v2.1");
        verify(0, postRequestedFor(urlPathEqualTo(TOKENS)));
        verify(getRequestedFor(urlPathEqualTo("/v2.1/servers")).withHeader("X-Auth-Token", equalTo("stored-token")));
    }

    @Test
    void storedTokenAboutToExpireIsNotUsed() {
        Stubs.inTurn(() -> post(TOKENS), issued("token-1", "keystone/token-password.json"));
        KeystoneAuth auth = auth().resume("stored-token", Instant.parse("2026-01-15T10:03:00Z"));

        nova(auth).get("v2.1/servers").send();

        verify(getRequestedFor(urlPathEqualTo("/v2.1/servers")).withHeader("X-Auth-Token", equalTo("token-1")));
    }

    @Test
    void endpointComesFromTheTokensCatalogInTheCredentialsRegion() {
        Stubs.inTurn(() -> post(TOKENS), issued("token-1", "keystone/token-password.json"));
        KeystoneAuth auth = new KeystoneAuth(client(), DEMO, "GRA7", KeystoneAuth.DEFAULT_RENEWAL_MARGIN, time);

        assertThat(auth.endpoint("compute")).hasToString("https://compute.gra7.cloud.example/v2.1");
        assertThat(auth.endpoint("network")).hasToString("https://network.gra7.cloud.example/");
        verify(0, getRequestedFor(urlPathEqualTo("/v3/auth/catalog")));
    }

    @Test
    void tokenWithoutSubjectTokenHeaderIsAnUnexpectedAnswer() {
        stubFor(post(TOKENS).willReturn(aResponse().withStatus(201).withBody(fixture("keystone/token-password.json"))));

        ProviderException e = catchThrowableOfType(ProviderException.class, () -> client().authenticate(DEMO));

        assertThat(e.kind()).isEqualTo(Kind.UNEXPECTED_ANSWER);
        assertThat(e.getMessage()).isEqualTo("keystone: Keystone issued a token without an X-Subject-Token header");
    }

    @Test
    void tokenWithoutExpiryIsAnUnexpectedAnswerNotAGuess() {
        stubFor(post(TOKENS).willReturn(aResponse().withStatus(201).withHeader("X-Subject-Token", "token-1")
                .withBody(fixture("keystone/token-password.json").replace("\"expires_at\": \"2026-01-15T11:00:00.000000Z\",", ""))));

        ProviderException e = catchThrowableOfType(ProviderException.class, () -> client().authenticate(DEMO));

        assertThat(e.kind()).isEqualTo(Kind.UNEXPECTED_ANSWER);
        assertThat(e.getMessage()).contains("without expires_at");
    }

    @Test
    void keystoneUrlIsAcceptedWithOrWithoutV3() {
        assertThat(KeystoneClient.v3("https://auth.cloud.ovh.net/v3")).isEqualTo("https://auth.cloud.ovh.net/v3/");
        assertThat(KeystoneClient.v3("http://127.0.0.1:5000/v3/")).isEqualTo("http://127.0.0.1:5000/v3/");
        assertThat(KeystoneClient.v3("http://127.0.0.1:5000")).isEqualTo("http://127.0.0.1:5000/v3/");
        assertThat(KeystoneClient.v3("https://cloud.example/identity")).isEqualTo("https://cloud.example/identity/v3/");
        assertThat(catchThrowableOfType(ProviderException.class, () -> KeystoneClient.v3("https://cloud.example/v2.0")).kind())
                .isEqualTo(Kind.CONFIGURATION);
    }

    private KeystoneClient client() {
        return KeystoneClient.at(runtime, baseUrl + "/v3");
    }

    private KeystoneAuth auth() {
        return new KeystoneAuth(client(), DEMO, null, KeystoneAuth.DEFAULT_RENEWAL_MARGIN, time);
    }

    private ProviderHttp nova(KeystoneAuth auth) {
        return ProviderHttp.builder(runtime, baseUrl, new OpenStackDialect("nova")).auth(auth).build();
    }

    private static ResponseDefinitionBuilder issued(String token, String body) {
        return aResponse().withStatus(201).withHeader("X-Subject-Token", token)
                .withHeader("Content-Type", "application/json").withBody(fixture(body));
    }
}
