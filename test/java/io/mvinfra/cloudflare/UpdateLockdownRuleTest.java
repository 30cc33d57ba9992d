package io.mvinfra.cloudflare;

import static io.mvinfra.cloudflare.Testbed.LOCKDOWNS;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static support.Fixtures.fixture;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.host.runtime.AuditEntry.Outcome;
import io.mvinfra.host.runtime.PressResult;
import support.Stubs;

/** LockdownRule → "Update on Cloudflare" ({@link UpdateLockdownRule}). */
@WireMockTest
class UpdateLockdownRuleTest {

    private static final String UPDATE = "updateCloudflareLockdownRule";
    private static final String RULE_ID = "372e67954025e0ba6aaa6d586b9e0b59";
    private static final String RULE = LOCKDOWNS + "/" + RULE_ID;

    private Testbed cf;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        cf = Testbed.at(wm.getHttpBaseUrl());
    }

    @AfterEach
    void close() {
        cf.close();
    }

    private String admin(Object... changes) {
        String uuid = cf.lockdownRule("urls", List.of("example.com/admin*"), "ips", List.of("198.51.100.4"),
                "description", "Admin from the office", "paused", true, "providerSideId", RULE_ID);
        if (changes.length > 0) {
            cf.update("LockdownRule", uuid, changes);
        }
        return uuid;
    }

    private void activeRules(int count) {
        for (int i = 0; i < count; i++) {
            cf.lockdownRule("urls", List.of("r" + i + ".example.com/*"), "ips", List.of("192.0.2." + (i + 1)),
                    "providerSideId", "00000000000000000000000000000a0" + i);
        }
    }

    @Test
    void replacesTheWholeRuleAndKeepsTheAnswer() {
        stubFor(put(urlEqualTo(RULE)).willReturn(okJson(fixture("cloudflare/lockdown-rule.json"))));
        String admin = admin("ipRanges", List.of("203.0.113.0/24"), "paused", false, "priority", 2L);

        PressResult result = cf.press("LockdownRule", UPDATE, admin);

        assertThat(result.message()).isEqualTo("Lockdown rule 'Admin from the office' updated (id " + RULE_ID + ")");
        assertThat(cf.field("LockdownRule", admin, "ipRanges")).isEqualTo(List.of("203.0.113.0/24"));
        verify(putRequestedFor(urlEqualTo(RULE)).withRequestBody(equalToJson("{\"urls\": [\"example.com/admin*\"],"
                + " \"configurations\": [{\"target\": \"ip\", \"value\": \"198.51.100.4\"}, {\"target\": \"ip_range\", \"value\": \"203.0.113.0/24\"}],"
                + " \"description\": \"Admin from the office\", \"paused\": false, \"priority\": 2}")));
    }

    @Test
    void refusesToUnpauseBeyondTheZonesLimit() {
        activeRules(3);
        String admin = admin("paused", false);

        PressResult result = cf.press("LockdownRule", UPDATE, admin);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).startsWith("LockdownRule.paused: example.com has 3 active lockdown rules already");
        verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void updatesAPausedRuleWhateverTheLimit() {
        stubFor(put(urlEqualTo(RULE)).willReturn(okJson(fixture("cloudflare/lockdown-rule.json").replace("\"paused\": false", "\"paused\": true"))));
        activeRules(3);
        String admin = admin("description", "Admin, office and VPN");

        PressResult result = cf.press("LockdownRule", UPDATE, admin);

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    void dryRunShowsThePutAndChangesNothing(WireMockRuntimeInfo wm) {
        String admin = admin();
        long version = cf.entity("LockdownRule", admin).version();

        PressResult result = cf.dryRun("LockdownRule", UPDATE, admin);

        assertThat(result.message()).isEqualTo("Dry run: PUT " + wm.getHttpBaseUrl() + RULE + " {\"urls\":[\"example.com/admin*\"],"
                + "\"configurations\":[{\"target\":\"ip\",\"value\":\"198.51.100.4\"}],\"description\":\"Admin from the office\",\"paused\":true}");
        assertThat(cf.entity("LockdownRule", admin).version()).isEqualTo(version);
        verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void refusesAnAddressThatIsNone() {
        String admin = admin("ips", List.of("2001:db8::1::2"));

        PressResult result = cf.press("LockdownRule", UPDATE, admin);

        assertThat(result.message()).isEqualTo("LockdownRule.ips: '2001:db8::1::2' is not an IPv4 or IPv6 address");
        verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aRuleGoneFromCloudflareIsSaidInItsWords() {
        stubFor(put(urlEqualTo(RULE)).willReturn(aResponse().withStatus(404).withBody(
                "{\"success\": false, \"errors\": [{\"code\": 10001, \"message\": \"firewallaccessrules.api.not_found\"}], \"messages\": [], \"result\": null}")));
        String admin = admin();

        PressResult result = cf.press("LockdownRule", UPDATE, admin);

        assertThat(result.message()).isEqualTo("Cloudflare refused the request (HTTP 404, 10001): firewallaccessrules.api.not_found");
    }

    @Test
    void aRateLimitedPutIsSentAgain() {
        Stubs.inTurn(() -> put(urlEqualTo(RULE)), aResponse().withStatus(429).withHeader("Retry-After", "0")
                .withBody(fixture("cloudflare/error-rate-limited.json")), okJson(fixture("cloudflare/lockdown-rule.json")));
        String admin = admin("description", "Admin, office and VPN");

        PressResult result = cf.press("LockdownRule", UPDATE, admin);

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
        verify(2, putRequestedFor(urlEqualTo(RULE)));
    }
}
