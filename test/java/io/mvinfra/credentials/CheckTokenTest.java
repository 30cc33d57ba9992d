package io.mvinfra.credentials;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import static support.Fixtures.fixture;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.host.Host;
import io.mvinfra.host.cli.Main;
import io.mvinfra.host.runtime.AuditEntry.Outcome;
import io.mvinfra.host.runtime.PressRequest;
import io.mvinfra.host.runtime.PressResult;
import picocli.CommandLine;
import support.TestHosts;
import support.TestHosts.Db;

@WireMockTest
class CheckTokenTest {
    @TempDir
    Path home;
    private Host host;
    private CredentialFixtures fixtures;
    private String stub;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        host = TestHosts.open(home, Db.EMBEDDED, TestHosts.projectDir());
        fixtures = new CredentialFixtures(host);
        stub = wm.getHttpBaseUrl() + "/";
    }

    @AfterEach
    void close() {
        host.close();
    }

    private PressResult press(String credential) {
        return host.actions().press(new PressRequest("Credential", "checkToken", credential, "tester", Map.of()));
    }

    @Test
    void anActiveCloudflareTokenIsValidAndTheCheckIsRecorded() {
        Instant expires = Instant.now().plus(90, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        stubFor(get("/user/tokens/verify").withHeader("Authorization", equalTo("Bearer cf-token"))
                .willReturn(okJson("{\"success\":true,\"errors\":[],\"messages\":[],\"result\":{\"id\":\"ed17574386854bf78a67040be0a770b0\","
                        + "\"status\":\"active\",\"expires_on\":\"" + expires + "\"}}")));
        String credential = fixtures.credential("CLOUDFLARE_API_TOKEN", Map.of("token", "cf-token", "domainName", "api.cloudflare.com"));
        fixtures.provider("cf", "CLOUDFLARE", stub, credential);

        PressResult result = press(credential);

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).isEqualTo("Credential api.cloudflare.com: VALID (token active until " + expires + ")");
        assertThat(fixtures.read(credential).values()).containsEntry("status", "VALID").containsKey("lastConnection");
    }

    @Test
    void aCloudflareTokenExpiringWithinAWeekIsExpiring() {
        Instant expires = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        stubFor(get("/user/tokens/verify").willReturn(okJson("{\"success\":true,\"errors\":[],\"messages\":[],\"result\":{\"id\":\"t\","
                + "\"status\":\"active\",\"expires_on\":\"" + expires + "\"}}")));
        String credential = fixtures.credential("CLOUDFLARE_API_TOKEN", Map.of("token", "cf-token"));
        fixtures.provider("cf", "CLOUDFLARE", stub, credential);

        press(credential);

        assertThat(fixtures.read(credential).values()).containsEntry("status", "EXPIRING");
    }

    @Test
    void aRefusedTokenIsInvalidWithCloudflaresCodeAndTheStatusIsStillRecorded() {
        stubFor(get("/user/tokens/verify").willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody(fixture("cloudflare/error-authentication.json"))));
        String credential = fixtures.credential("CLOUDFLARE_API_TOKEN", Map.of("token", "revoked-token"));
        fixtures.provider("cf", "CLOUDFLARE", stub, credential);

        PressResult result = press(credential);

        assertThat(result.outcome()).as("a refused token fails the press, so `action run … && next` stops").isEqualTo(Outcome.FAILED);
        assertThat(fixtures.read(credential).values()).containsEntry("status", "INVALID");
        assertThat(fixtures.read(credential).value("statusReason").toString()).contains("HTTP 401").contains("10000").contains("Authentication error");
        assertThat(result.message()).doesNotContain("revoked-token");
    }

    @Test
    void theCliExitsWithOneOnARefusedTokenAndKeepsTheInvalidStatus() throws java.io.IOException {
        stubFor(get("/user/tokens/verify").willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody(fixture("cloudflare/error-authentication.json"))));
        String credential = fixtures.credential("CLOUDFLARE_API_TOKEN", Map.of("token", "revoked-token"));
        fixtures.provider("cf", "CLOUDFLARE", stub, credential);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        host.close();
        java.nio.file.Files.writeString(home.resolve("secret.key"), TestHosts.TEST_KEY); // the CLI reads the host's key from its home

        int code = cli.execute("action", "run", "Credential", "checkToken", credential, "--home=" + home, "--module=" + TestHosts.projectDir());
        host = TestHosts.open(home, Db.EMBEDDED, TestHosts.projectDir());
        fixtures = new CredentialFixtures(host);

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: Credential " + credential + ": INVALID (").doesNotContain("revoked-token");
        assertThat(fixtures.read(credential).values()).containsEntry("status", "INVALID");
    }

    @Test
    void aScalewayKeyIsCheckedWithAOneItemReadInItsZone() {
        stubFor(get(urlPathEqualTo("/instance/v1/zones/nl-ams-1/servers")).withHeader("X-Auth-Token", equalTo("scw-secret"))
                .willReturn(okJson("{\"servers\":[]}").withHeader("X-Total-Count", "0")));
        String credential = fixtures.credential("SCALEWAY_SECRET_KEY", Map.of("accessKey", "SCWAAAAAAAAAAAAAAAAA", "apiKey", "scw-secret",
                "defaultZone", "nl-ams-1"));
        fixtures.provider("scw", "SCALEWAY", stub, credential);

        press(credential);

        assertThat(fixtures.read(credential).values()).containsEntry("status", "VALID");
        verify(getRequestedFor(urlPathEqualTo("/instance/v1/zones/nl-ams-1/servers")).withQueryParam("per_page", equalTo("1")));
    }

    @Test
    void aDeniedScalewayKeyIsInvalid() {
        stubFor(get(urlPathEqualTo("/instance/v1/zones/fr-par-1/servers")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody(fixture("scaleway/error-denied-authentication.json"))));
        String credential = fixtures.credential("SCALEWAY_SECRET_KEY", Map.of("apiKey", "wrong"));
        fixtures.provider("scw", "SCALEWAY", stub, credential);

        press(credential);

        assertThat(fixtures.read(credential).values()).containsEntry("status", "INVALID");
        assertThat(fixtures.read(credential).value("statusReason").toString()).contains("denied_authentication");
    }

    @Test
    void anOpenStackCheckAuthenticatesAndKeepsTheTokenEncryptedWithKeystonesExpiry() {
        Instant expires = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        stubFor(post("/v3/auth/tokens").willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withHeader("X-Subject-Token", "issued-token-1").withBody(CredentialFixtures.keystoneToken(expires))));
        String credential = fixtures.credential("OPENSTACK_PASSWORD", Map.of("username", "demo", "password", "secret-demo", "projectName", "demo"));
        fixtures.provider("ovh", "OPENSTACK", stub + "v3", credential);

        PressResult result = press(credential);

        assertThat(result.message()).contains("VALID").contains(expires.toString()).doesNotContain("issued-token-1");
        assertThat(fixtures.revealed(credential)).containsEntry("token", "issued-token-1").containsEntry("tokenExpiry", expires)
                .containsEntry("status", "VALID");
        assertThat(fixtures.read(credential).values().get("token").toString()).startsWith("enc:v1:");
        verify(postRequestedFor(urlPathEqualTo("/v3/auth/tokens")));
    }

    @Test
    void aCredentialMissingItsSecretIsInvalidWithoutAnyCall() {
        String credential = fixtures.credential("CLOUDFLARE_API_TOKEN", Map.of("domainName", "cf-main"));
        fixtures.provider("cf", "CLOUDFLARE", stub, credential);

        PressResult result = press(credential);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).isEqualTo("Credential cf-main: INVALID (Credential cf-main: token is empty)");
        verify(0, getRequestedFor(urlPathEqualTo("/user/tokens/verify")));
    }

    @Test
    void aProviderErrorThatSaysNothingOfTheCredentialKeepsItsStatus() {
        stubFor(get("/user/tokens/verify").willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                .withBody("{\"success\":false,\"errors\":[{\"code\":10001,\"message\":\"service error\"}],\"messages\":[],\"result\":null}")));
        String credential = fixtures.credential("CLOUDFLARE_API_TOKEN", Map.of("token", "cf-token"));
        fixtures.provider("cf", "CLOUDFLARE", stub, credential);

        PressResult result = press(credential);

        assertThat(result.message()).contains("not checked").contains("status unchanged");
        assertThat(fixtures.read(credential).values()).containsEntry("status", "UNCHECKED");
    }
}
