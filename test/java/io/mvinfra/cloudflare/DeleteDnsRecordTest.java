package io.mvinfra.cloudflare;

import static io.mvinfra.cloudflare.Testbed.RECORDS;
import static io.mvinfra.cloudflare.Testbed.RECORD_ID;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static support.Fixtures.fixture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.host.runtime.AuditEntry.Outcome;
import io.mvinfra.host.runtime.PressResult;
import support.Stubs;

/** DnsRecord → "Delete on Cloudflare" ({@link DeleteDnsRecord}). */
@WireMockTest
class DeleteDnsRecordTest {

    private static final String DELETE = "deleteCloudflareDnsRecord";
    private static final String RECORD = RECORDS + "/" + RECORD_ID;

    private Testbed cf;
    private String www;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        cf = Testbed.at(wm.getHttpBaseUrl());
        www = cf.dnsRecord("name", "www.example.com", "recordType", "A", "value", "192.0.2.10", "providerSideId", RECORD_ID);
    }

    @AfterEach
    void close() {
        cf.close();
    }

    @Test
    void deletesTheRecordAtCloudflareThenHere() {
        stubFor(delete(urlEqualTo(RECORD)).willReturn(okJson(fixture("cloudflare/dns-record-deleted.json"))));

        PressResult result = cf.press("DnsRecord", DELETE, www);

        assertThat(result.message()).isEqualTo("DNS record www.example.com deleted at Cloudflare (id " + RECORD_ID + ") and removed here");
        assertThat(cf.host.store().get("DnsRecord", www)).isEmpty();
        verify(deleteRequestedFor(urlEqualTo(RECORD)));
    }

    @Test
    void dryRunShowsTheDeleteAndKeepsEverything(WireMockRuntimeInfo wm) {
        PressResult result = cf.dryRun("DnsRecord", DELETE, www);

        assertThat(result.message()).isEqualTo("Dry run: DELETE " + wm.getHttpBaseUrl() + RECORD);
        assertThat(cf.host.store().get("DnsRecord", www)).isPresent();
        verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aRecordAlreadyGoneFromCloudflareIsRemovedHere() {
        stubFor(delete(urlEqualTo(RECORD)).willReturn(aResponse().withStatus(404).withBody(fixture("cloudflare/error-record-not-found.json"))));

        PressResult result = cf.press("DnsRecord", DELETE, www);

        assertThat(result.message()).isEqualTo("DNS record www.example.com was already gone from Cloudflare (id " + RECORD_ID + ") and removed here");
        assertThat(cf.host.store().get("DnsRecord", www)).isEmpty();
    }

    @Test
    void anUnroutableZoneKeepsTheRecord() {
        stubFor(delete(urlEqualTo(RECORD)).willReturn(aResponse().withStatus(400).withBody(fixture("cloudflare/error-no-route.json"))));

        PressResult result = cf.press("DnsRecord", DELETE, www);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).startsWith("Cloudflare refused the request (HTTP 400, 7003, 7000): Could not route to");
        assertThat(cf.host.store().get("DnsRecord", www)).isPresent();
    }

    @Test
    void aServerErrorKeepsTheRecord() {
        stubFor(delete(urlEqualTo(RECORD)).willReturn(aResponse().withStatus(500).withBody(fixture("cloudflare/error-internal.html"))));

        PressResult result = cf.press("DnsRecord", DELETE, www);

        assertThat(result.message()).isEqualTo("Cloudflare failed to serve the request (HTTP 500): 500 Internal Server Error cloudflare");
        assertThat(cf.host.store().get("DnsRecord", www)).isPresent();
    }

    @Test
    void unavailableDeleteIsSentAgain() {
        Stubs.inTurn(() -> delete(urlEqualTo(RECORD)), aResponse().withStatus(503).withBody(fixture("cloudflare/error-bad-gateway.html")),
                okJson(fixture("cloudflare/dns-record-deleted.json")));

        PressResult result = cf.press("DnsRecord", DELETE, www);

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
        verify(2, deleteRequestedFor(urlEqualTo(RECORD)));
    }
}
