package io.mvinfra.cloudflare;

import static io.mvinfra.cloudflare.Testbed.LOCKDOWNS;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
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

/** LockdownRule → "Create on Cloudflare" ({@link CreateLockdownRule}). */
@WireMockTest
class CreateLockdownRuleTest {

    private static final String CREATE = "createCloudflareLockdownRule";
    private static final String ADMIN = "{\"urls\": [\"example.com/admin*\"], \"configurations\": [{\"target\": \"ip\", \"value\": \"198.51.100.4\"},"
            + " {\"target\": \"ip_range\", \"value\": \"203.0.113.0/24\"}], \"description\": \"Admin from the office\", \"paused\": false}";

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
                "ipRanges", List.of("203.0.113.0/24"), "description", "Admin from the office");
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
    void createsTheRuleAndKeepsCloudflaresAnswer() {
        stubFor(post(LOCKDOWNS).willReturn(okJson(fixture("cloudflare/lockdown-rule.json"))));
        String admin = admin();

        PressResult result = cf.press("LockdownRule", CREATE, admin);

        assertThat(result.message()).isEqualTo("Lockdown rule 'Admin from the office' created on example.com (id 372e67954025e0ba6aaa6d586b9e0b59)");
        assertThat(cf.entity("LockdownRule", admin).values()).containsEntry("providerSideId", "372e67954025e0ba6aaa6d586b9e0b59")
                .containsKey("creationDate").containsKey("lastUpdated");
        verify(postRequestedFor(urlEqualTo(LOCKDOWNS)).withRequestBody(equalToJson(ADMIN)));
    }

    @Test
    void dryRunShowsTheRequestAndSendsNothing(WireMockRuntimeInfo wm) {
        String admin = admin();

        PressResult result = cf.dryRun("LockdownRule", CREATE, admin);

        assertThat(result.message()).isEqualTo("Dry run: POST " + wm.getHttpBaseUrl() + LOCKDOWNS
                + " {\"urls\":[\"example.com/admin*\"],\"configurations\":[{\"target\":\"ip\",\"value\":\"198.51.100.4\"},"
                + "{\"target\":\"ip_range\",\"value\":\"203.0.113.0/24\"}],\"description\":\"Admin from the office\",\"paused\":false}");
        assertThat(cf.field("LockdownRule", admin, "providerSideId")).isNull();
        verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void refusesARuleWithoutSources() {
        String rule = cf.lockdownRule("urls", List.of("example.com/admin*"));

        PressResult result = cf.press("LockdownRule", CREATE, rule);

        assertThat(result.message()).isEqualTo("LockdownRule.ips: at least one IP address or IP range (ipRanges) is required:"
                + " the only sources let through");
        verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void refusesAnIpv4RangeCloudflareDoesNotTake() {
        String rule = admin("ipRanges", List.of("198.51.100.4/32"));

        PressResult result = cf.press("LockdownRule", CREATE, rule);

        assertThat(result.message()).isEqualTo("LockdownRule.ipRanges: '198.51.100.4/32': Cloudflare takes IPv4 ranges of /16 or /24 only");
        verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void refusesAnIpv6RangeCloudflareDoesNotTake() {
        String rule = admin("ipRanges", List.of("2001:db8::/24"));

        PressResult result = cf.press("LockdownRule", CREATE, rule);

        assertThat(result.message()).isEqualTo("LockdownRule.ipRanges: '2001:db8::/24': Cloudflare takes IPv6 ranges of /32 or /48 or /64 only");
    }

    @Test
    void sendsIpv6AddressesAndRangesInTheirShortForm() {
        stubFor(post(LOCKDOWNS).willReturn(okJson(fixture("cloudflare/lockdown-rule.json"))));
        String rule = admin("ips", List.of("2001:DB8:0:0:0:0:0:7"), "ipRanges", List.of("2001:db8:0::/48"));

        cf.press("LockdownRule", CREATE, rule);

        verify(postRequestedFor(urlEqualTo(LOCKDOWNS)).withRequestBody(equalToJson("{\"configurations\": [{\"target\": \"ip\", \"value\": \"2001:db8::7\"},"
                + " {\"target\": \"ip_range\", \"value\": \"2001:db8::/48\"}]}", true, true)));
    }

    @Test
    void refusesUrlsWithASchemeOrOutsideTheZone() {
        String rule = admin("urls", List.of("https://example.com/admin*", "shop.example.org/*"));

        PressResult result = cf.press("LockdownRule", CREATE, rule);

        assertThat(result.message()).isEqualTo("LockdownRule.urls: 'https://example.com/admin*': give it without its scheme, e.g. example.com/admin*; "
                + "LockdownRule.urls: 'shop.example.org/*' is not on a host of example.com (e.g. example.com/admin* or *.example.com/*)");
    }

    @Test
    void refusesAnAddressThatIsNone() {
        String rule = admin("ips", List.of("198.51.100.256"));

        PressResult result = cf.press("LockdownRule", CREATE, rule);

        assertThat(result.message()).isEqualTo("LockdownRule.ips: '198.51.100.256' is not an IPv4 or IPv6 address");
    }

    @Test
    void refusesAFourthActiveRuleWhenThePlanAllowsThree() {
        activeRules(3);
        String admin = admin();

        PressResult result = cf.press("LockdownRule", CREATE, admin);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).isEqualTo("LockdownRule.paused: example.com has 3 active lockdown rules already, the most its plan"
                + " allows (DomainName.maxActiveLockdownRules = 3): pause or delete one first, or keep this one paused");
        verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void createsAPausedRuleBeyondTheLimit() {
        stubFor(post(LOCKDOWNS).willReturn(okJson(fixture("cloudflare/lockdown-rule.json").replace("\"paused\": false", "\"paused\": true"))));
        activeRules(3);
        String admin = admin("paused", true);

        PressResult result = cf.press("LockdownRule", CREATE, admin);

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
        verify(postRequestedFor(urlEqualTo(LOCKDOWNS)).withRequestBody(equalToJson("{\"paused\": true}", true, true)));
    }

    @Test
    void followsTheLimitConfiguredOnTheDomain() {
        cf.update("DomainName", cf.domain, "maxActiveLockdownRules", 10L);
        stubFor(post(LOCKDOWNS).willReturn(okJson(fixture("cloudflare/lockdown-rule.json"))));
        activeRules(3);

        PressResult result = cf.press("LockdownRule", CREATE, admin());

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    void cloudflaresOwnLimitIsSaidInItsWords() {
        stubFor(post(LOCKDOWNS).willReturn(aResponse().withStatus(400).withBody(fixture("cloudflare/error-lockdown-max-rules.json"))));
        String admin = admin();

        PressResult result = cf.press("LockdownRule", CREATE, admin);

        assertThat(result.message()).isEqualTo("Cloudflare refused the request (HTTP 400, 10012): zonelockdown.api.not_entitled.max_rules");
        assertThat(cf.field("LockdownRule", admin, "providerSideId")).isNull();
    }

    @Test
    void rateLimitedCreateIsLookedUpThenSentAgain() {
        Stubs.inTurn(() -> post(LOCKDOWNS), aResponse().withStatus(429).withHeader("Retry-After", "0")
                .withBody(fixture("cloudflare/error-rate-limited.json")), okJson(fixture("cloudflare/lockdown-rule.json")));
        stubFor(get(urlPathEqualTo(LOCKDOWNS)).willReturn(okJson(fixture("cloudflare/lockdowns-page-2.json")
                .replace("\"page\": 2", "\"page\": 1").replace("\"total_count\": 3", "\"total_count\": 1"))));

        PressResult result = cf.press("LockdownRule", CREATE, admin());

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
        verify(2, postRequestedFor(urlEqualTo(LOCKDOWNS)));
        verify(1, getRequestedFor(urlPathEqualTo(LOCKDOWNS)));
    }
}
