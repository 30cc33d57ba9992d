package io.mvinfra.cloudflare;

import static io.mvinfra.cloudflare.Testbed.LOCKDOWNS;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static support.Fixtures.fixture;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.host.runtime.AuditEntry.Outcome;
import io.mvinfra.host.runtime.PressResult;
import io.mvinfra.host.store.StoredEntity;
import support.Stubs;

/** DomainName → "List lockdown rules" ({@link ListLockdownRules}): two pages reconciled into LockdownRule entities. */
@WireMockTest
class ListLockdownRulesTest {

    private static final String LIST = "listCloudflareLockdownRules";

    private Testbed cf;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        cf = Testbed.at(wm.getHttpBaseUrl());
    }

    @AfterEach
    void close() {
        cf.close();
    }

    private static MappingBuilder page(int page) {
        return get(urlPathEqualTo(LOCKDOWNS)).withQueryParam("page", page == 1 ? absent() : equalTo(String.valueOf(page)));
    }

    private Map<String, Object> rule(String id) {
        return cf.all("LockdownRule", "providerSideId", id).stream().findFirst().map(StoredEntity::values).orElseThrow();
    }

    @Test
    void readsBothPagesIntoRules() {
        stubFor(page(1).willReturn(okJson(fixture("cloudflare/lockdowns-page-1.json"))));
        stubFor(page(2).willReturn(okJson(fixture("cloudflare/lockdowns-page-2.json"))));

        PressResult result = cf.press("DomainName", LIST, cf.domain);

        assertThat(result.message()).isEqualTo("Lockdown rules of example.com: 3 listed: 3 new");
        assertThat(rule("5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f"))
                .containsEntry("description", "Admin from the office").containsEntry("paused", true)
                .containsEntry("urls", List.of("example.com/admin*", "shop.example.com/admin*"))
                .containsEntry("ips", List.of("2001:db8::7")).containsEntry("ipRanges", List.of("198.51.100.0/24"))
                .containsEntry("domainName", cf.domain);
        assertThat(rule("0a1b2c3d4e5f60718293a4b5c6d7e8f9")).containsEntry("priority", 5L).doesNotContainKey("description");
        verify(getRequestedFor(urlPathEqualTo(LOCKDOWNS)).withQueryParam("per_page", equalTo("1000")).withQueryParam("page", absent()));
    }

    @Test
    void failureOnPage2ChangesNoRule() {
        String known = cf.lockdownRule("urls", List.of("api.example.com/*"), "ips", List.of("192.0.2.1"),
                "providerSideId", "372e67954025e0ba6aaa6d586b9e0b59");
        stubFor(page(1).willReturn(okJson(fixture("cloudflare/lockdowns-page-1.json"))));
        stubFor(page(2).willReturn(aResponse().withStatus(500).withBody(fixture("cloudflare/error-internal.html"))));
        List<Map<String, Object>> before = cf.snapshot("LockdownRule");

        PressResult result = cf.press("DomainName", LIST, cf.domain);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(cf.snapshot("LockdownRule")).isEqualTo(before);
        assertThat(cf.field("LockdownRule", known, "urls")).isEqualTo(List.of("api.example.com/*"));
    }

    @Test
    void marksARuleNoLongerListedAndKeepsIt() {
        String gone = cf.lockdownRule("urls", List.of("old.example.com/*"), "ips", List.of("192.0.2.1"),
                "providerSideId", "99998888777766665555444433332222");
        stubFor(page(1).willReturn(okJson(fixture("cloudflare/lockdowns-page-1.json"))));
        stubFor(page(2).willReturn(okJson(fixture("cloudflare/lockdowns-page-2.json"))));

        PressResult result = cf.press("DomainName", LIST, cf.domain);

        assertThat(result.message()).isEqualTo("Lockdown rules of example.com: 3 listed: 3 new; 1 no longer at the provider (kept, marked)");
        assertThat(cf.field("LockdownRule", gone, "missingAtProvider")).isEqualTo(true);
    }

    @Test
    void aRateLimitedPageIsAskedAgain() {
        stubFor(page(2).willReturn(okJson(fixture("cloudflare/lockdowns-page-2.json"))));
        Stubs.inTurn(() -> page(1), aResponse().withStatus(429).withHeader("Retry-After", "0")
                .withBody(fixture("cloudflare/error-rate-limited.json")), okJson(fixture("cloudflare/lockdowns-page-1.json")));

        PressResult result = cf.press("DomainName", LIST, cf.domain);

        assertThat(result.message()).isEqualTo("Lockdown rules of example.com: 3 listed: 3 new");
        verify(2, getRequestedFor(urlPathEqualTo(LOCKDOWNS)).withQueryParam("page", absent()));
    }
}
