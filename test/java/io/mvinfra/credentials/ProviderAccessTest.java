package io.mvinfra.credentials;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static support.Fixtures.fixture;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Credential;
import org.meveo.model.customEntities.ServiceProvider;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.cloudflare.CloudflareDialect;
import io.mvinfra.http.HttpRuntime;
import io.mvinfra.http.RateLimit;
import io.mvinfra.openstack.OpenStackDialect;
import io.mvinfra.scaleway.ScalewayDialect;
import okhttp3.HttpUrl;
import support.FakeTime;
import support.TestHttp;

/** Each credential type signs the way its provider expects; a missing field is named before any call. */
@WireMockTest
class ProviderAccessTest {

    private final FakeTime time = new FakeTime();
    private HttpRuntime runtime;
    private String baseUrl;

    @BeforeEach
    void runtime(WireMockRuntimeInfo wm) {
        runtime = TestHttp.runtime(time);
        baseUrl = wm.getHttpBaseUrl();
        stubFor(get(urlPathEqualTo("/check")).willReturn(okJson("{}")));
    }

    @Test
    void cloudflareApiTokenSignsWithABearerToken() throws BusinessException {
        Credential token = credential("CLOUDFLARE_API_TOKEN");
        token.setToken("  cf-api-token\n");   // as pasted

        access(provider("CLOUDFLARE", baseUrl), token).http(new CloudflareDialect()).get("check").send();

        verify(getRequestedFor(urlPathEqualTo("/check")).withHeader("Authorization", equalTo("Bearer cf-api-token")));
    }

    @Test
    void cloudflareGlobalKeySignsWithEmailAndKey() throws BusinessException {
        Credential globalKey = credential("CLOUDFLARE_GLOBAL_KEY");
        globalKey.setUsername("ops@example.com");
        globalKey.setApiKey("c2547eb745079dac9320b638f5e225cf483cc5cfdda41");

        access(provider("CLOUDFLARE", baseUrl), globalKey).http(new CloudflareDialect()).get("check").send();

        verify(getRequestedFor(urlPathEqualTo("/check")).withHeader("X-Auth-Email", equalTo("ops@example.com"))
                .withHeader("X-Auth-Key", equalTo("c2547eb745079dac9320b638f5e225cf483cc5cfdda41")));
    }

    @Test
    void scalewaySecretKeySignsWithXAuthToken() throws BusinessException {
        Credential secretKey = credential("SCALEWAY_SECRET_KEY");
        secretKey.setAccessKey("SCWXXXXXXXXXXXXXXXXX");
        secretKey.setApiKey("11111111-2222-4333-8444-555555555555");

        access(provider("SCALEWAY", baseUrl), secretKey).http(new ScalewayDialect()).get("check").send();

        verify(getRequestedFor(urlPathEqualTo("/check")).withHeader("X-Auth-Token", equalTo("11111111-2222-4333-8444-555555555555")));
    }

    @Test
    void cycladesTokenSignsWithXAuthToken() throws BusinessException {
        Credential token = credential("CYCLADES_TOKEN");
        token.setToken("cyclades-token");

        access(provider("CYCLADES", baseUrl), token).http(new OpenStackDialect("cyclades")).get("check").send();

        verify(getRequestedFor(urlPathEqualTo("/check")).withHeader("X-Auth-Token", equalTo("cyclades-token")));
    }

    @Test
    void openstackPasswordSignsWithATokenFromKeystone() throws BusinessException {
        stubFor(post(urlPathEqualTo("/v3/auth/tokens")).willReturn(aResponse().withStatus(201)
                .withHeader("X-Subject-Token", "keystone-token").withBody(fixture("keystone/token-password.json"))));
        Credential password = credential("OPENSTACK_PASSWORD");
        password.setUsername("demo");
        password.setPassword("secret-demo");
        password.setUserDomain("Default");
        password.setProjectName("demo");
        password.setProjectDomain("Default");

        access(provider("OPENSTACK", baseUrl + "/v3"), password).http(new OpenStackDialect("nova"), HttpUrl.get(baseUrl)).get("check").send();

        verify(postRequestedFor(urlPathEqualTo("/v3/auth/tokens"))
                .withRequestBody(equalToJson(fixture("keystone/auth-password-by-project-name-request.json"))));
        verify(getRequestedFor(urlPathEqualTo("/check")).withHeader("X-Auth-Token", equalTo("keystone-token")));
    }

    @Test
    void openstackApplicationCredentialSignsWithATokenFromKeystone() throws BusinessException {
        stubFor(post(urlPathEqualTo("/v3/auth/tokens")).willReturn(aResponse().withStatus(201)
                .withHeader("X-Subject-Token", "keystone-token").withBody(fixture("keystone/token-application-credential.json"))));
        Credential appCredential = credential("OPENSTACK_APPLICATION_CREDENTIAL");
        appCredential.setApplicationCredentialId("fcfa082e0b354c118ce5076037f91609");
        appCredential.setApplicationCredentialSecret("app-cred-secret");

        access(provider("OPENSTACK", baseUrl), appCredential).http(new OpenStackDialect("nova")).get("check").send();

        verify(postRequestedFor(urlPathEqualTo("/v3/auth/tokens"))
                .withRequestBody(equalToJson(fixture("keystone/auth-application-credential-request.json"))));
        verify(getRequestedFor(urlPathEqualTo("/check")).withHeader("X-Auth-Token", equalTo("keystone-token")));
    }

    @Test
    void openstackTokenKeptOnTheCredentialIsUsedWhileValid() throws BusinessException {
        Credential password = openstackPassword();
        password.setToken("kept-token");
        password.setTokenExpiry(time.now().plus(Duration.ofMinutes(30)));

        access(provider("OPENSTACK", baseUrl), password).http(new OpenStackDialect("nova")).get("check").send();

        verify(getRequestedFor(urlPathEqualTo("/check")).withHeader("X-Auth-Token", equalTo("kept-token")));
        verify(0, postRequestedFor(urlPathEqualTo("/v3/auth/tokens")));
    }

    @Test
    void keystoneSessionIsReusedAcrossPressesUntilTheCredentialChanges() throws BusinessException {
        stubFor(post(urlPathEqualTo("/v3/auth/tokens")).willReturn(aResponse().withStatus(201)
                .withHeader("X-Subject-Token", "keystone-token").withBody(fixture("keystone/token-password.json"))));
        Credential password = openstackPassword();

        access(provider("OPENSTACK", baseUrl), password).http(new OpenStackDialect("nova")).get("check").send();
        access(provider("OPENSTACK", baseUrl), password).http(new OpenStackDialect("nova")).get("check").send();
        password.setPassword("rotated-password");
        access(provider("OPENSTACK", baseUrl), password).http(new OpenStackDialect("nova")).get("check").send();

        verify(2, postRequestedFor(urlPathEqualTo("/v3/auth/tokens")));
        verify(3, getRequestedFor(urlPathEqualTo("/check")).withHeader("X-Auth-Token", equalTo("keystone-token")));
    }

    @Test
    void aTokenIssuedDuringThePressIsOfferedForTheCredentialAndAKeptOneIsNot() throws BusinessException {
        stubFor(post(urlPathEqualTo("/v3/auth/tokens")).willReturn(aResponse().withStatus(201)
                .withHeader("X-Subject-Token", "keystone-token").withBody(fixture("keystone/token-password.json"))));
        Credential issued = openstackPassword();
        Credential kept = openstackPassword();
        kept.setUuid("cred-2");
        kept.setToken("kept-token");
        kept.setTokenExpiry(time.now().plus(Duration.ofMinutes(30)));

        ProviderAccess renewed = access(provider("OPENSTACK", baseUrl), issued);
        renewed.http(new OpenStackDialect("nova")).get("check").send();
        ProviderAccess resumed = access(provider("OPENSTACK", baseUrl), kept);
        resumed.http(new OpenStackDialect("nova")).get("check").send();

        assertThat(renewed.credentialChanges()).hasValueSatisfying(changes -> {
            assertThat(changes.getUuid()).isEqualTo("cred-1");
            assertThat(changes.getToken()).isEqualTo("keystone-token");
            assertThat(changes.getTokenExpiry()).isNotNull();
        });
        assertThat(resumed.credentialChanges()).isEmpty();
        assertThat(access(provider("CLOUDFLARE", baseUrl), complete("CLOUDFLARE_API_TOKEN")).credentialChanges()).isEmpty();
    }

    @Test
    void ovhAnswersAtItsPublishedKeystoneWhenNoUrlIsGiven() throws BusinessException {
        ProviderAccess ovh = access(provider("OVH", null), complete("OPENSTACK_PASSWORD"));

        assertThat(ovh.baseUrl()).isEqualTo("https://auth.cloud.ovh.net/v3");
        assertThat(ovh.profile().credentialTypes()).containsExactly("OPENSTACK_PASSWORD", "OPENSTACK_APPLICATION_CREDENTIAL");
        verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void unknownKindIsRefusedNamingTheKindsThatExist() {
        assertThatThrownBy(() -> access(provider("AZURE", baseUrl), complete("CLOUDFLARE_API_TOKEN")))
                .hasMessage("ServiceProvider cf: kind AZURE is not one of [CLOUDFLARE, SCALEWAY, OPENSTACK, OVH, CYCLADES]");
    }

    @ParameterizedTest(name = "{0} without {1}")
    @CsvSource(delimiter = '|', textBlock = """
            CLOUDFLARE | CLOUDFLARE_API_TOKEN             | token                       | Credential cf-main: token is empty
            CLOUDFLARE | CLOUDFLARE_GLOBAL_KEY            | username                    | Credential cf-main: username is empty
            CLOUDFLARE | CLOUDFLARE_GLOBAL_KEY            | apiKey                      | Credential cf-main: apiKey is empty
            SCALEWAY   | SCALEWAY_SECRET_KEY              | apiKey                      | Credential cf-main: apiKey is empty
            CYCLADES   | CYCLADES_TOKEN                   | token                       | Credential cf-main: token is empty
            OPENSTACK  | OPENSTACK_PASSWORD               | username                    | Credential cf-main: username is empty
            OPENSTACK  | OPENSTACK_PASSWORD               | password                    | Credential cf-main: password is empty
            OPENSTACK  | OPENSTACK_PASSWORD               | userDomain                  | Credential cf-main: userDomain is empty (the domain of user demo, e.g. Default)
            OPENSTACK  | OPENSTACK_PASSWORD               | projectDomain               | Credential cf-main: projectDomain is empty (the domain of project demo, e.g. Default)
            OPENSTACK  | OPENSTACK_PASSWORD               | projectName                 | Credential cf-main: projectId and projectName are empty; a token needs a project
            OPENSTACK  | OPENSTACK_APPLICATION_CREDENTIAL | applicationCredentialId     | Credential cf-main: applicationCredentialId is empty
            OPENSTACK  | OPENSTACK_APPLICATION_CREDENTIAL | applicationCredentialSecret | Credential cf-main: applicationCredentialSecret is empty
            """)
    void missingFieldIsNamedBeforeAnyCall(String kind, String type, String missing, String message) {
        Credential complete = complete(type);
        clear(complete, missing);

        assertThatThrownBy(() -> access(provider(kind, baseUrl), complete)).isInstanceOf(BusinessException.class).hasMessage(message);
        verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void credentialOfAnotherProviderIsRefusedNamingTheTypesThatFit() {
        assertThatThrownBy(() -> access(provider("CLOUDFLARE", baseUrl), complete("SCALEWAY_SECRET_KEY")))
                .isInstanceOf(BusinessException.class)
                .hasMessage("Credential cf-main: a SCALEWAY_SECRET_KEY credential cannot sign CLOUDFLARE calls; "
                        + "use CLOUDFLARE_API_TOKEN or CLOUDFLARE_GLOBAL_KEY");
    }

    @Test
    void providerWithoutCredentialKindOrKeystoneUrlIsNamed() {
        ServiceProvider noKeystone = provider("OPENSTACK", null);
        ServiceProvider noKind = provider(null, baseUrl);
        ServiceProvider keystoneV2 = provider("OPENSTACK", "https://auth.cloud.example/v2.0");

        assertThatThrownBy(() -> ProviderAccess.of(provider("CLOUDFLARE", baseUrl), null, runtime))
                .hasMessage("ServiceProvider cf: credential is not set");
        assertThatThrownBy(() -> access(noKind, complete("CLOUDFLARE_API_TOKEN"))).hasMessage("ServiceProvider cf: kind is empty");
        assertThatThrownBy(() -> access(noKeystone, complete("OPENSTACK_PASSWORD")))
                .hasMessage("ServiceProvider cf: apiBaseUrl is empty (the Keystone URL, e.g. https://auth.cloud.ovh.net/v3)");
        assertThatThrownBy(() -> access(keystoneV2, complete("OPENSTACK_PASSWORD")))
                .hasMessage("ServiceProvider cf: https://auth.cloud.example/v2.0 is Keystone v2, retired by OpenStack: give the v3 URL");
    }

    @Test
    void cloudflareAnswersAtItsPublicApiWithItsPublishedRateLimitUnlessConfigured() throws BusinessException {
        ProviderAccess defaults = access(provider("CLOUDFLARE", null), complete("CLOUDFLARE_API_TOKEN"));
        ServiceProvider tuned = provider("CLOUDFLARE", null);
        tuned.setRateLimitRequests(600L);
        tuned.setRateLimitWindowSeconds(300L);

        assertThat(defaults.baseUrl()).isEqualTo("https://api.cloudflare.com/client/v4/");
        assertThat(defaults.rateLimit()).isEqualTo(RateLimit.of(1200, Duration.ofMinutes(5)));
        assertThat(access(tuned, complete("CLOUDFLARE_API_TOKEN")).rateLimit()).isEqualTo(RateLimit.of(600, Duration.ofMinutes(5)));
        assertThat(access(provider("SCALEWAY", null), complete("SCALEWAY_SECRET_KEY")).rateLimit()).isEqualTo(RateLimit.NONE);
    }

    @Test
    void halfAConfiguredRateLimitIsRefused() {
        ServiceProvider half = provider("SCALEWAY", null);
        half.setRateLimitRequests(100L);

        assertThatThrownBy(() -> access(half, complete("SCALEWAY_SECRET_KEY"))).hasMessage(
                "ServiceProvider cf: rateLimitWindowSeconds is empty; a rate limit needs both rateLimitRequests and rateLimitWindowSeconds");
    }

    @Test
    void secretsStayOutOfTheAccessDescription() throws BusinessException {
        String described = access(provider("CLOUDFLARE", null), complete("CLOUDFLARE_API_TOKEN")).toString();

        assertThat(described).doesNotContain("cf-api-token");
    }

    private ProviderAccess access(ServiceProvider provider, Credential credential) throws BusinessException {
        return ProviderAccess.of(provider, credential, runtime);
    }

    private static ServiceProvider provider(String kind, String apiBaseUrl) {
        ServiceProvider provider = new ServiceProvider("sp-1");
        provider.setCode("cf");
        provider.setKind(kind);
        provider.setApiBaseUrl(apiBaseUrl);
        return provider;
    }

    private static Credential credential(String type) {
        Credential credential = new Credential("cred-1");
        credential.setDomainName("cf-main");
        credential.setAuthenticationType(type);
        return credential;
    }

    private static Credential openstackPassword() {
        return complete("OPENSTACK_PASSWORD");
    }

    /** A credential of {@code type} with every field its type needs. */
    private static Credential complete(String type) {
        Credential c = credential(type);
        c.setToken("cf-api-token");
        c.setUsername("demo");
        c.setApiKey("api-key-value");
        c.setPassword("secret-demo");
        c.setUserDomain("Default");
        c.setProjectName("demo");
        c.setProjectDomain("Default");
        c.setApplicationCredentialId("fcfa082e0b354c118ce5076037f91609");
        c.setApplicationCredentialSecret("app-cred-secret");
        return c;
    }

    private static void clear(Credential c, String field) {
        switch (field) {
            case "token" -> c.setToken("  ");
            case "username" -> c.setUsername(null);
            case "apiKey" -> c.setApiKey("");
            case "password" -> c.setPassword(null);
            case "userDomain" -> c.setUserDomain(null);
            case "projectDomain" -> c.setProjectDomain(null);
            case "projectName" -> c.setProjectName(null);
            case "applicationCredentialId" -> c.setApplicationCredentialId(null);
            case "applicationCredentialSecret" -> c.setApplicationCredentialSecret(null);
            default -> throw new IllegalArgumentException(field);
        }
    }
}
