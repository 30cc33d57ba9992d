package io.mvinfra.host.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static support.Fixtures.fixture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.mvinfra.host.Host;
import support.CliRun;
import support.ProviderBudget;
import support.TestHosts;
import support.TestHosts.Db;

/** `action run --all`: a button on every entity, four at a time, under the credential's limit, one summary. */
class BulkPressTest {
    private static final String ZONE_ID = "023e105f4ecef8ad9ca31a8372d0c353";

    @TempDir
    Path home;
    private final ProviderBudget budget = new ProviderBudget(30, 1000);
    private final WireMockServer cloudflare = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
            .extensions(budget));

    @AfterEach
    void stop() {
        cloudflare.stop();
    }

    @Test
    void twoHundredPressesStayUnderTheProvidersLimitAndOneFailureExitsWithOne() throws Exception {
        cloudflare.start();
        cloudflare.stubFor(delete(urlPathMatching("/zones/" + ZONE_ID + "/dns_records/.*")).willReturn(okJson(fixture("cloudflare/dns-record-deleted.json"))));
        Files.writeString(home.resolve("secret.key"), TestHosts.TEST_KEY);
        try (Host host = Host.open(TestHosts.settings(home, Db.EMBEDDED, TestHosts.projectDir()))) {
            String credential = host.store().create("Credential", Map.of("authenticationType", "CLOUDFLARE_API_TOKEN", "token", "bulk-token")).uuid();
            // the operator keeps under Cloudflare's budget (30 a second here) with a margin
            String provider = host.store().create("ServiceProvider", Map.of("code", "cf", "kind", "CLOUDFLARE", "apiBaseUrl", cloudflare.baseUrl(),
                    "credential", credential, "rateLimitRequests", 25, "rateLimitWindowSeconds", 1)).uuid();
            String domain = host.store().create("DomainName", Map.of("name", "example.com", "registrar", provider, "providerSideId", ZONE_ID)).uuid();
            List<Map<String, Object>> records = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                records.add(Map.of("domainName", domain, "name", "host-" + i, "recordType", "A", "value", "192.0.2.1", "providerSideId", String.format("%032x", i)));
            }
            records.add(Map.of("domainName", domain, "name", "never-sent", "recordType", "A", "value", "192.0.2.1"));
            host.store().createAll("DnsRecord", records);
        }

        CliRun bulk = CliRun.on(home, TestHosts.projectDir(), "action", "run", "DnsRecord", "deleteCloudflareDnsRecord", "--all", "--yes", "--user", "ops");
        CliRun audit = CliRun.on(home, TestHosts.projectDir(), "audit", "--limit", "500", "--json");
        CliRun left = CliRun.on(home, TestHosts.projectDir(), "entity", "list", "DnsRecord", "--columns", "name");

        assertThat(bulk.code()).as(bulk.err()).isEqualTo(1);
        assertThat(bulk.out().trim()).isEqualTo("deleteCloudflareDnsRecord on 201 DnsRecord: 200 succeeded, 1 did not apply");
        assertThat(bulk.err()).hasLineCount(1).startsWith("error: DnsRecord ").contains("does not apply").doesNotContain("429");
        assertThat(budget.refused()).as("429 answers from Cloudflare").isZero();
        assertThat(budget.served()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(audit.out())).hasSize(201);
        assertThat(left.lines()).containsExactly("name", "never-sent");
    }
}
