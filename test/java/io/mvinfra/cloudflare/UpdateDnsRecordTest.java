package io.mvinfra.cloudflare;

import static io.mvinfra.cloudflare.Testbed.RECORDS;
import static io.mvinfra.cloudflare.Testbed.RECORD_ID;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static support.Fixtures.fixture;

import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.host.runtime.AuditEntry.Outcome;
import io.mvinfra.host.runtime.PressResult;
import support.Stubs;

/** DnsRecord → "Update on Cloudflare" ({@link UpdateDnsRecord}). */
@WireMockTest
class UpdateDnsRecordTest {

    private static final String UPDATE = "updateCloudflareDnsRecord";
    private static final String RECORD = RECORDS + "/" + RECORD_ID;

    private Testbed cf;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        cf = Testbed.at(wm.getHttpBaseUrl());
        stubFor(get(urlEqualTo(RECORD)).willReturn(okJson(fixture("cloudflare/dns-record.json"))));
    }

    @AfterEach
    void close() {
        cf.close();
    }

    /** www.example.com A 192.0.2.10 as Cloudflare has it (ttl 3600), then changed here by the operator. */
    private String www(Object... changes) {
        String uuid = cf.dnsRecord("name", "www.example.com", "recordType", "A", "value", "192.0.2.10", "ttl", 3600L,
                "proxied", false, "providerSideId", RECORD_ID);
        cf.update("DnsRecord", uuid, changes);
        return uuid;
    }

    @Test
    void sendsOnlyTheTtlTheOperatorChanged() {
        stubFor(patch(urlEqualTo(RECORD)).willReturn(okJson(fixture("cloudflare/dns-record-ttl-300.json"))));
        String www = www("ttl", 300L);

        PressResult result = cf.press("DnsRecord", UPDATE, www);

        assertThat(result.message()).isEqualTo("DNS record www.example.com updated (ttl; id " + RECORD_ID + ")");
        assertThat(cf.entity("DnsRecord", www).values())
                .containsEntry("ttl", 300L)
                .containsEntry("modifiedDate", Instant.parse("2024-03-05T09:00:00.654321Z"));
        verify(patchRequestedFor(urlEqualTo(RECORD)).withRequestBody(equalToJson("{\"ttl\": 300}")));
    }

    @Test
    void sendsTheChangedContentProxyAndTagsAndClearsTheComment() {
        stubFor(get(urlEqualTo(RECORD)).willReturn(okJson(fixture("cloudflare/dns-record.json")
                .replace("\"comment\": null", "\"comment\": \"old server\""))));
        stubFor(patch(urlEqualTo(RECORD)).willReturn(okJson(fixture("cloudflare/dns-record.json"))));
        String www = www("value", "192.0.2.20", "proxied", true, "tags", java.util.List.of("team:web"), "comment", "");

        cf.press("DnsRecord", UPDATE, www);

        verify(patchRequestedFor(urlEqualTo(RECORD)).withRequestBody(equalToJson(
                "{\"content\": \"192.0.2.20\", \"proxied\": true, \"comment\": \"\", \"tags\": [\"team:web\"]}")));
    }

    @Test
    void dryRunShowsThePatchAndChangesNothing(WireMockRuntimeInfo wm) {
        String www = www("ttl", 300L);
        long version = cf.entity("DnsRecord", www).version();

        PressResult result = cf.dryRun("DnsRecord", UPDATE, www);

        assertThat(result.message()).isEqualTo("Dry run: PATCH " + wm.getHttpBaseUrl() + RECORD + " {\"ttl\":300}");
        assertThat(cf.entity("DnsRecord", www).version()).isEqualTo(version);
        verify(0, patchRequestedFor(anyUrl()));
    }

    @Test
    void sendsNothingWhenTheRecordMatchesCloudflareAndTakesWhatOnlyItSets() {
        String www = www();

        PressResult result = cf.press("DnsRecord", UPDATE, www);

        assertThat(result.message()).isEqualTo("DNS record www.example.com already matches Cloudflare: nothing to send");
        assertThat(cf.entity("DnsRecord", www).values()).as("what only Cloudflare sets is taken")
                .containsEntry("proxiable", true).containsEntry("modifiedDate", Instant.parse("2024-03-04T10:11:12.123456Z"));
        verify(0, patchRequestedFor(anyUrl()));
    }

    @Test
    void refusesToChangeTheType() {
        String www = www("recordType", "AAAA", "value", "2001:db8::10");

        PressResult result = cf.press("DnsRecord", UPDATE, www);

        assertThat(result.message()).isEqualTo("DnsRecord.recordType: cannot change once the record exists at Cloudflare"
                + " (it is A there, AAAA here): delete it and create a new one");
        verify(0, patchRequestedFor(anyUrl()));
    }

    @Test
    void refusesARecordCloudflareLocked() {
        stubFor(get(urlEqualTo(RECORD)).willReturn(okJson(fixture("cloudflare/dns-record.json").replace("\"locked\": false", "\"locked\": true"))));
        String www = www("ttl", 300L);

        PressResult result = cf.press("DnsRecord", UPDATE, www);

        assertThat(result.message()).isEqualTo("DnsRecord.isLocked: www.example.com is locked by Cloudflare, which refuses any change to it");
    }

    @Test
    void refusesAnInvalidTtlBeforeAnyCall() {
        String www = www("ttl", 10L);

        PressResult result = cf.press("DnsRecord", UPDATE, www);

        assertThat(result.message()).isEqualTo("DnsRecord.ttl: must be 1 (automatic) or 60 to 86400 seconds, is 10");
        verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void saysWhenTheRecordIsNoLongerAtCloudflare() {
        stubFor(get(urlEqualTo(RECORD)).willReturn(aResponse().withStatus(404).withBody(fixture("cloudflare/error-record-not-found.json"))));
        String www = www("ttl", 300L);

        PressResult result = cf.press("DnsRecord", UPDATE, www);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).isEqualTo("DNS record www.example.com (id " + RECORD_ID + ") is no longer at Cloudflare:"
                + " press 'List DNS records' on example.com, or delete it here");
    }

    @Test
    void rateLimitedPatchIsSentAgain() {
        Stubs.inTurn(() -> patch(urlEqualTo(RECORD)), aResponse().withStatus(429).withHeader("Retry-After", "0")
                .withBody(fixture("cloudflare/error-rate-limited.json")), okJson(fixture("cloudflare/dns-record-ttl-300.json")));
        String www = www("ttl", 300L);

        PressResult result = cf.press("DnsRecord", UPDATE, www);

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
        verify(2, patchRequestedFor(urlEqualTo(RECORD)));
    }

    @Test
    void cloudflaresRefusalLeavesTheEntityAsItWas() {
        stubFor(patch(urlEqualTo(RECORD)).willReturn(aResponse().withStatus(400).withBody(fixture("cloudflare/error-dns-validation.json"))));
        String www = www("ttl", 300L);
        long version = cf.entity("DnsRecord", www).version();

        PressResult result = cf.press("DnsRecord", UPDATE, www);

        assertThat(result.message()).isEqualTo("Cloudflare refused the request (HTTP 400, 1004, 9003): DNS Validation Error"
                + " (Invalid 'proxied' value, must be a boolean)");
        assertThat(cf.entity("DnsRecord", www).version()).isEqualTo(version);
    }
}
