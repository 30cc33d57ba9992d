package io.mvinfra.cloudflare;

import static io.mvinfra.cloudflare.Testbed.RECORDS;
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

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.host.runtime.AuditEntry.Outcome;
import io.mvinfra.host.runtime.PressRequest;
import io.mvinfra.host.runtime.PressResult;
import io.mvinfra.host.store.StoredEntity;
import support.Stubs;

/** DomainName → "List DNS records" ({@link ListDnsRecords}): three pages reconciled into DnsRecord entities. */
@WireMockTest
class ListDnsRecordsTest {

    private static final String LIST = "listCloudflareDnsRecords";

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
        return get(urlPathEqualTo(RECORDS)).withQueryParam("page", page == 1 ? absent() : equalTo(String.valueOf(page)));
    }

    private static void pages(ResponseDefinitionBuilder second) {
        stubFor(page(1).willReturn(okJson(fixture("cloudflare/dns-records-page-1.json"))));
        stubFor(page(2).willReturn(second));
        stubFor(page(3).willReturn(okJson(fixture("cloudflare/dns-records-page-3.json"))));
    }

    private static void pages() {
        pages(okJson(fixture("cloudflare/dns-records-page-2.json")));
    }

    private Map<String, Object> byName(String type, String name) {
        return cf.all("DnsRecord", "domainName", cf.domain).stream().map(StoredEntity::values)
                .filter(v -> type.equals(v.get("recordType")) && name.equals(v.get("name"))).findFirst().orElseThrow();
    }

    @Test
    void readsEveryPageAtTheLargestPageSizeAndCreatesTheRecords() {
        pages();

        PressResult result = cf.press("DomainName", LIST, cf.domain);

        assertThat(result.message()).isEqualTo("DNS records of example.com: 5 listed: 5 new");
        assertThat(cf.all("DnsRecord", "domainName", cf.domain)).hasSize(5);
        assertThat(byName("MX", "example.com")).containsEntry("value", "mail.example.com").containsEntry("priority", 10L)
                .containsEntry("providerSideId", "6c9d3e5f708192a3b4c5d6e7f8091a22").containsEntry("missingAtProvider", false);
        assertThat(byName("A", "api.example.com")).containsEntry("proxied", true).containsEntry("ttl", 1L)
                .containsEntry("creationDate", Instant.parse("2024-03-04T10:11:12.123456Z"));
        assertThat(byName("TXT", "example.com")).containsEntry("value", "\"v=spf1 -all\"");
        verify(getRequestedFor(urlPathEqualTo(RECORDS)).withQueryParam("per_page", equalTo("5000000")).withQueryParam("page", absent()));
        verify(getRequestedFor(urlPathEqualTo(RECORDS)).withQueryParam("per_page", equalTo("5000000")).withQueryParam("page", equalTo("3")));
    }

    @Test
    void saysHowManyRecordsAreReconciledAsEachPageArrives() {
        pages();
        List<String> progress = new java.util.concurrent.CopyOnWriteArrayList<>();

        PressResult result = cf.host.actions().press(new PressRequest("DomainName", LIST, cf.domain, "tester", Map.of()).withProgress(progress::add));

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(progress).containsExactly("2 records listed and reconciled", "4 records listed and reconciled",
                "5 records listed and reconciled");
    }

    @Test
    void failureOnTheLastPageUndoesWhatTheFirstPagesWrote() {
        String gone = cf.dnsRecord("name", "old.example.com", "recordType", "A", "value", "192.0.2.98", "providerSideId", "0000aaaa0000bbbb0000cccc0000dddd");
        pages();
        stubFor(page(3).willReturn(aResponse().withStatus(500).withBody(fixture("cloudflare/error-internal.html"))));
        List<Map<String, Object>> before = cf.snapshot("DnsRecord");
        List<String> progress = new java.util.concurrent.CopyOnWriteArrayList<>();

        PressResult result = cf.host.actions().press(new PressRequest("DomainName", LIST, cf.domain, "tester", Map.of()).withProgress(progress::add));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(progress).containsExactly("2 records listed and reconciled", "4 records listed and reconciled");
        assertThat(cf.snapshot("DnsRecord")).isEqualTo(before);
        assertThat(cf.field("DnsRecord", gone, "missingAtProvider")).isEqualTo(false);
    }

    @Test
    void aSecondListWritesNothingThatDidNotChange() {
        pages();
        cf.press("DomainName", LIST, cf.domain);
        List<Map<String, Object>> before = cf.snapshot("DnsRecord");

        PressResult again = cf.press("DomainName", LIST, cf.domain);

        assertThat(again.message()).isEqualTo("DNS records of example.com: 5 listed: 5 unchanged");
        assertThat(cf.snapshot("DnsRecord")).isEqualTo(before);
    }

    @Test
    void updatesWhatChangedAtCloudflare() {
        pages();
        cf.press("DomainName", LIST, cf.domain);
        stubFor(page(3).willReturn(okJson(fixture("cloudflare/dns-records-page-3.json").replace("\"ttl\": 3600", "\"ttl\": 300"))));

        PressResult result = cf.press("DomainName", LIST, cf.domain);

        assertThat(result.message()).isEqualTo("DNS records of example.com: 5 listed: 1 updated, 4 unchanged");
        assertThat(byName("AAAA", "mail.example.com")).containsEntry("ttl", 300L);
    }

    @Test
    void marksARecordCloudflareNoLongerHasAndKeepsIt() {
        pages();
        cf.press("DomainName", LIST, cf.domain);
        // mail.example.com (page 3) deleted at Cloudflare: the list now ends with page 2
        stubFor(page(2).willReturn(okJson(fixture("cloudflare/dns-records-page-2.json")
                .replace("\"total_count\": 5, \"total_pages\": 3", "\"total_count\": 4, \"total_pages\": 2"))));

        PressResult result = cf.press("DomainName", LIST, cf.domain);

        assertThat(result.message()).isEqualTo("DNS records of example.com: 4 listed: 4 unchanged; 1 no longer at the provider (kept, marked)");
        assertThat(byName("AAAA", "mail.example.com")).containsEntry("missingAtProvider", true);
        assertThat(cf.all("DnsRecord", "domainName", cf.domain)).hasSize(5);
    }

    @Test
    void failureOnPage2Of3ChangesNoEntity() {
        String www = cf.dnsRecord("name", "www.example.com", "recordType", "A", "value", "192.0.2.99", "providerSideId", "372e67954025e0ba6aaa6d586b9e0b59");
        String gone = cf.dnsRecord("name", "old.example.com", "recordType", "A", "value", "192.0.2.98", "providerSideId", "0000aaaa0000bbbb0000cccc0000dddd");
        pages(aResponse().withStatus(500).withBody(fixture("cloudflare/error-internal.html")));
        List<Map<String, Object>> before = cf.snapshot("DnsRecord");

        PressResult result = cf.press("DomainName", LIST, cf.domain);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).isEqualTo("Cloudflare failed to serve the request (HTTP 500): 500 Internal Server Error cloudflare");
        assertThat(cf.snapshot("DnsRecord")).isEqualTo(before);
        assertThat(cf.field("DnsRecord", www, "value")).isEqualTo("192.0.2.99");
        assertThat(cf.field("DnsRecord", gone, "missingAtProvider")).isEqualTo(false);
        verify(0, getRequestedFor(urlPathEqualTo(RECORDS)).withQueryParam("page", equalTo("3")));
    }

    @Test
    void aRateLimitedPageIsAskedAgain() {
        pages();
        Stubs.inTurn(() -> page(2), aResponse().withStatus(429).withHeader("Retry-After", "0")
                .withBody(fixture("cloudflare/error-rate-limited.json")), okJson(fixture("cloudflare/dns-records-page-2.json")));

        PressResult result = cf.press("DomainName", LIST, cf.domain);

        assertThat(result.message()).isEqualTo("DNS records of example.com: 5 listed: 5 new");
        verify(2, getRequestedFor(urlPathEqualTo(RECORDS)).withQueryParam("page", equalTo("2")));
    }

    @Test
    void linksARecordMadeByHandInsteadOfDuplicatingIt() {
        pages();
        String byHand = cf.dnsRecord("name", "www", "recordType", "A", "value", "192.0.2.10");
        String draft = cf.dnsRecord("name", "new", "recordType", "A", "value", "192.0.2.77");

        PressResult result = cf.press("DomainName", LIST, cf.domain);

        assertThat(result.message()).isEqualTo("DNS records of example.com: 5 listed: 4 new, 1 linked");
        assertThat(cf.field("DnsRecord", byHand, "providerSideId")).isEqualTo("372e67954025e0ba6aaa6d586b9e0b59");
        assertThat(cf.field("DnsRecord", draft, "providerSideId")).isNull();
        assertThat(cf.all("DnsRecord", "domainName", cf.domain)).hasSize(6);
    }

    @Test
    void theButtonIsNotOfferedOnADomainWithoutZoneId() {
        String unlinked = cf.create("DomainName", Map.of("name", "example.net", "registrar", cf.provider));

        PressResult result = cf.press("DomainName", LIST, unlinked);

        assertThat(result.outcome()).isEqualTo(Outcome.REFUSED);
    }
}
