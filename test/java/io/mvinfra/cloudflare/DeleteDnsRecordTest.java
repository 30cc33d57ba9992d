package io.mvinfra.cloudflare;

import static io.mvinfra.cloudflare.Testbed.LOCKDOWNS;
import static io.mvinfra.cloudflare.Testbed.RECORDS;
import static io.mvinfra.cloudflare.Testbed.RECORD_ID;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
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
import java.util.Map;

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
    private static final String RULE_ID = "5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f";

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
    void removeFromLockdownRulesTakesTheHostAndAddressOutOfTheRuleTheyWereAddedTo() {
        String rule = cf.lockdownRule("description", "Servers", "urls", List.of("example.com/admin*", "www.example.com/*"),
                "ips", List.of("198.51.100.4", "192.0.2.10"), "providerSideId", RULE_ID);
        String untouched = cf.lockdownRule("description", "Office", "urls", List.of("example.com/office*"),
                "ips", List.of("198.51.100.9"), "providerSideId", "rule-office");
        stubFor(delete(urlEqualTo(RECORD)).willReturn(okJson(fixture("cloudflare/dns-record-deleted.json"))));
        stubFor(put(urlEqualTo(LOCKDOWNS + "/" + RULE_ID)).willReturn(okJson(ruleAnswer("Servers",
                "[\"example.com/admin*\"]", "[{\"target\": \"ip\", \"value\": \"198.51.100.4\"}]"))));

        PressResult result = cf.press("DnsRecord", DELETE, www, Map.of("removeFromLockdownRules", "true"));

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).isEqualTo("DNS record www.example.com deleted at Cloudflare (id " + RECORD_ID
                + ") and removed here; taken out of lockdown rule 'Servers'");
        verify(putRequestedFor(urlEqualTo(LOCKDOWNS + "/" + RULE_ID)).withRequestBody(equalToJson(
                "{\"urls\": [\"example.com/admin*\"], \"configurations\": [{\"target\": \"ip\", \"value\": \"198.51.100.4\"}],"
                + " \"description\": \"Servers\", \"paused\": false}", true, true)));
        verify(0, putRequestedFor(urlEqualTo(LOCKDOWNS + "/rule-office")));
        assertThat(cf.host.store().require("LockdownRule", rule).value("urls")).isEqualTo(List.of("example.com/admin*"));
        assertThat(cf.host.store().require("LockdownRule", rule).value("ips")).isEqualTo(List.of("198.51.100.4"));
        assertThat(cf.host.store().get("LockdownRule", untouched)).isPresent();
    }

    @Test
    void anAddressAnotherRecordOfTheRuleStillUsesStaysAndARuleThatWouldBeEmptyIsLeftAsItIs() {
        cf.dnsRecord("name", "api.example.com", "recordType", "A", "value", "192.0.2.10", "providerSideId", "rec-api");
        cf.lockdownRule("description", "Shared", "urls", List.of("www.example.com/*", "api.example.com/*"),
                "ips", List.of("192.0.2.10"), "providerSideId", RULE_ID);
        cf.lockdownRule("description", "Only www", "urls", List.of("www.example.com/*"),
                "ips", List.of("192.0.2.10"), "providerSideId", "rule-www");
        stubFor(delete(urlEqualTo(RECORD)).willReturn(okJson(fixture("cloudflare/dns-record-deleted.json"))));
        stubFor(put(urlEqualTo(LOCKDOWNS + "/" + RULE_ID)).willReturn(okJson(ruleAnswer("Shared",
                "[\"api.example.com/*\"]", "[{\"target\": \"ip\", \"value\": \"192.0.2.10\"}]"))));

        PressResult result = cf.press("DnsRecord", DELETE, www, Map.of("removeFromLockdownRules", "true"));

        assertThat(result.message()).contains("taken out of lockdown rule 'Shared'")
                .contains("lockdown rule 'Only www' left as it is: it would be left with no URL (Cloudflare requires one): delete the rule instead");
        verify(putRequestedFor(urlEqualTo(LOCKDOWNS + "/" + RULE_ID)).withRequestBody(equalToJson(
                "{\"urls\": [\"api.example.com/*\"], \"configurations\": [{\"target\": \"ip\", \"value\": \"192.0.2.10\"}]}", true, true)));
        verify(0, putRequestedFor(urlEqualTo(LOCKDOWNS + "/rule-www")));
    }

    @Test
    void aRuleCloudflareRefusesToCleanIsSaidAndTheDeleteStands() {
        String rule = cf.lockdownRule("description", "Servers", "urls", List.of("example.com/admin*", "www.example.com/*"),
                "ips", List.of("198.51.100.4", "192.0.2.10"), "providerSideId", RULE_ID);
        stubFor(delete(urlEqualTo(RECORD)).willReturn(okJson(fixture("cloudflare/dns-record-deleted.json"))));
        stubFor(put(urlEqualTo(LOCKDOWNS + "/" + RULE_ID)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(fixture("cloudflare/error-lockdown-max-rules.json"))));

        PressResult result = cf.press("DnsRecord", DELETE, www, Map.of("removeFromLockdownRules", "true"));

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).contains("deleted at Cloudflare").contains("lockdown rule 'Servers' not cleaned: cloudflare refused");
        assertThat(cf.host.store().get("DnsRecord", www)).as("gone at Cloudflare, so gone here").isEmpty();
        assertThat(cf.host.store().require("LockdownRule", rule).value("urls")).as("as Cloudflare still has it")
                .isEqualTo(List.of("example.com/admin*", "www.example.com/*"));
    }

    private static String ruleAnswer(String description, String urls, String configurations) {
        return "{\"success\": true, \"errors\": [], \"messages\": [], \"result\": {\"id\": \"" + RULE_ID + "\","
                + " \"created_on\": \"2024-03-04T10:11:12Z\", \"modified_on\": \"2024-03-06T08:00:00Z\", \"paused\": false,"
                + " \"description\": \"" + description + "\", \"urls\": " + urls + ", \"configurations\": " + configurations + "}}";
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
