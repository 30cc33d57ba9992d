package io.mvinfra.credentials;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static support.Fixtures.fixture;

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
import io.mvinfra.host.runtime.JobResult;
import support.LogCapture;
import support.TestHosts;
import support.TestHosts.Db;

@WireMockTest
class RefreshTokensTest {
    private static final String ALICE_PASSWORD = "canary-alice-pw-8812";
    private static final String BOB_PASSWORD = "canary-bob-pw-3407";

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

    private String openstack(String user, String password, String token, Instant tokenExpiry) {
        String credential = fixtures.credential("OPENSTACK_PASSWORD", Map.of("username", user, "password", password, "projectName", "demo",
                "domainName", user + ".cloud", "token", token, "tokenExpiry", tokenExpiry.toString()));
        fixtures.provider("os-" + user, "OPENSTACK", stub + "v3", credential);
        return credential;
    }

    @Test
    void renewsOnlyTokensExpiringWithinTheMarginAndOneFailureStopsNothing() {
        Instant renewedExpiry = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        stubFor(post("/v3/auth/tokens").withRequestBody(matchingJsonPath("$.auth.identity.password.user.name", equalTo("alice")))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withHeader("X-Subject-Token", "alice-new-token")
                        .withBody(CredentialFixtures.keystoneToken(renewedExpiry))));
        stubFor(get("/user/tokens/verify").willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody(fixture("cloudflare/error-authentication.json"))));
        String alice = openstack("alice", ALICE_PASSWORD, "alice-old-token", Instant.now().plus(5, ChronoUnit.MINUTES));
        Instant bobExpiry = Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String bob = openstack("bob", BOB_PASSWORD, "bob-token", bobExpiry);
        String cloudflare = fixtures.credential("CLOUDFLARE_API_TOKEN", Map.of("token", "cf-revoked", "domainName", "cf.main"));
        fixtures.provider("cf", "CLOUDFLARE", stub, cloudflare);
        String legacy = fixtures.credential("BASIC_HTTP", Map.of("username", "someone", "password", "x"));

        JobResult run;
        String logs;
        try (LogCapture capture = LogCapture.start()) {
            run = host.jobs().run("token-refresh", "tester");
            logs = capture.text();
        }

        assertThat(run.outcome()).isEqualTo("PARTIAL");
        assertThat(run.ok()).isEqualTo(2);
        assertThat(run.ko()).isEqualTo(1);
        assertThat(fixtures.revealed(alice)).containsEntry("token", "alice-new-token").containsEntry("tokenExpiry", renewedExpiry)
                .containsEntry("status", "VALID");
        assertThat(fixtures.revealed(bob)).containsEntry("token", "bob-token").containsEntry("tokenExpiry", bobExpiry).containsEntry("status", "VALID");
        verify(0, postRequestedFor(urlPathEqualTo("/v3/auth/tokens")).withRequestBody(matchingJsonPath("$.auth.identity.password.user.name", equalTo("bob"))));
        assertThat(fixtures.read(cloudflare).values()).containsEntry("status", "INVALID");
        assertThat(fixtures.read(legacy).values()).as("not a provider credential: left alone").containsEntry("status", "UNCHECKED");
        assertThat(run.report()).contains("Credential alice.cloud: VALID").contains("Credential cf.main: INVALID");
        assertThat(run.report() + logs).doesNotContain(ALICE_PASSWORD).doesNotContain(BOB_PASSWORD).doesNotContain("alice-new-token")
                .doesNotContain("bob-token").doesNotContain("cf-revoked");
    }

    @Test
    void theJobIsScheduledByItsMeveoTimer() {
        assertThat(host.module().jobs().get("token-refresh").timerCode()).isEqualTo("every-quarter-hour");
        assertThat(host.module().timers().get("every-quarter-hour").cron()).isEqualTo("0 */15 * * * *");
        assertThat(host.startScheduler().scheduled()).contains("token-refresh (0 */15 * * * *)");   // beside backup-retention
    }
}
