package io.mvinfra.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mvinfra.host.Host;
import io.mvinfra.host.runtime.JobResult;
import io.mvinfra.host.runtime.PressRequest;
import support.LocalServices;
import support.TestHosts;
import support.TestHosts.Db;

/** Against the real Keystone of ../shared/openstack-local (user demo / secret-demo, project demo). */
class KeystoneTokenRefreshLiveTest {
    @TempDir
    Path home;
    private Host host;
    private CredentialFixtures fixtures;

    @BeforeEach
    void open() {
        LocalServices.requireKeystone();
        host = TestHosts.open(home, Db.EMBEDDED, TestHosts.projectDir());
        fixtures = new CredentialFixtures(host);
    }

    @AfterEach
    void close() {
        if (host != null) {
            host.close();
        }
    }

    private String demo(String password) {
        String credential = fixtures.credential("OPENSTACK_PASSWORD", Map.of("username", "demo", "password", password, "projectName", "demo",
                "userDomain", "Default", "projectDomain", "Default", "domainName", "keystone.local"));
        fixtures.provider("local-" + password, "OPENSTACK", LocalServices.KEYSTONE_URL, credential);
        return credential;
    }

    @Test
    void theJobRenewsATokenThatExpiresWithinItsMarginWithKeystonesOwnExpiry() {
        String credential = demo("secret-demo");
        host.actions().press(new PressRequest("Credential", "checkToken", credential, "tester", Map.of()));
        Map<String, Object> first = fixtures.revealed(credential);
        Instant firstExpiry = (Instant) first.get("tokenExpiry");
        long lifetimeMinutes = Duration.between(Instant.now(), firstExpiry).toMinutes();

        // a margin longer than the token's whole life: this token is "about to expire" for the job
        JobResult run = host.jobs().run("token-refresh", "tester", Map.of("renewWithinMinutes", String.valueOf(lifetimeMinutes + 5)));
        Map<String, Object> second = fixtures.revealed(credential);

        assertThat(first).containsEntry("status", "VALID");
        assertThat(firstExpiry).isAfter(Instant.now());
        assertThat(run.outcome()).isEqualTo("SUCCESS");
        assertThat(second.get("token")).isNotNull().isNotEqualTo(first.get("token"));
        assertThat((Instant) second.get("tokenExpiry")).isAfterOrEqualTo(firstExpiry);
        assertThat(second).containsEntry("status", "VALID");
    }

    @Test
    void aWrongPasswordIsReportedInvalidWithKeystonesAnswer() {
        String credential = demo("not-the-password");

        JobResult run = host.jobs().run("token-refresh", "tester");

        assertThat(run.ko()).isEqualTo(1);
        assertThat(fixtures.read(credential).values()).containsEntry("status", "INVALID");
        assertThat(fixtures.read(credential).value("statusReason").toString()).contains("HTTP 401");
        assertThat(run.report()).doesNotContain("not-the-password");
    }
}
