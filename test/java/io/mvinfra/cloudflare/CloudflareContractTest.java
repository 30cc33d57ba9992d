package io.mvinfra.cloudflare;

import static io.mvinfra.cloudflare.Testbed.LOCKDOWNS;
import static io.mvinfra.cloudflare.Testbed.RECORDS;
import static io.mvinfra.cloudflare.Testbed.RECORD_ID;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static support.Fixtures.fixture;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.mvinfra.host.runtime.PressResult;
import support.Prism;

/**
 * Every request the Cloudflare buttons build, checked against Cloudflare's own OpenAPI document: the buttons run
 * against WireMock (which answers as Cloudflare would and records what it was sent), then each recorded request,
 * byte for byte and with its credential, is sent to Prism mocking ../shared/api-specs/cloudflare.yaml in validation
 * mode, which must accept it. A request breaking the spec must be refused, or the check could not fail.
 */
class CloudflareContractTest {

    private static final String RULE_ID = "372e67954025e0ba6aaa6d586b9e0b59";
    private static final String ADOPTED = "adopted.example.com";

    private static Prism prism;
    private static WireMockServer cloudflare;
    private static final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        prism = Prism.start("cloudflare.yaml");
        cloudflare = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        cloudflare.start();
        answerAsCloudflare();
    }

    @AfterAll
    static void stop() {
        if (cloudflare != null) {
            cloudflare.stop();
        }
        if (prism != null) {
            prism.close();
        }
    }

    @Test
    void prismAcceptsEveryRequestTheButtonsBuild() throws Exception {
        List<String> pressed = pressEveryButton();
        List<LoggedRequest> sent = cloudflare.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
        prism.clear();

        List<String> refused = new ArrayList<>();
        Map<String, Integer> kinds = new LinkedHashMap<>();
        for (LoggedRequest request : sent) {
            HttpResponse<String> answer = prism.replay(request, List.of("Authorization", "Content-Type", "Accept"));
            kinds.merge(request.getMethod().value() + " " + request.getUrl().replaceAll("[?].*", "").replaceAll("[0-9a-f]{32}", "{id}"), 1, Integer::sum);
            if (answer.statusCode() >= 300) {
                refused.add(request.getMethod() + " " + request.getUrl() + " " + request.getBodyAsString() + " -> "
                        + answer.statusCode() + " " + answer.body());
            }
        }

        assertThat(pressed).as("every button succeeded against the stub").allMatch(message -> !message.startsWith("FAILED"));
        assertThat(sent).hasSizeGreaterThan(30);
        assertThat(kinds).containsKeys("GET /user/tokens/verify", "GET /zones", "GET " + RECORDS.replace(Testbed.ZONE_ID, "{id}"),
                "POST " + RECORDS.replace(Testbed.ZONE_ID, "{id}"), "PATCH /zones/{id}/dns_records/{id}", "DELETE /zones/{id}/dns_records/{id}",
                "GET /zones/{id}/firewall/lockdowns", "POST /zones/{id}/firewall/lockdowns", "PUT /zones/{id}/firewall/lockdowns/{id}",
                "DELETE /zones/{id}/firewall/lockdowns/{id}", "GET /zones/{id}/dns_records/{id}");
        assertThat(refused).isEmpty();
        assertThat(prism.violations()).isEmpty();
    }

    @Test
    void prismRefusesARequestThatBreaksTheSpec() throws Exception {
        prism.clear();

        HttpResponse<String> noName = send("POST", RECORDS, "{\"type\": \"A\", \"content\": \"192.0.2.10\", \"ttl\": 3600}");
        HttpResponse<String> ttlOfFive = send("POST", RECORDS, "{\"type\": \"A\", \"name\": \"www.example.com\", \"content\": \"192.0.2.10\", \"ttl\": 5}");
        HttpResponse<String> pageTooLarge = send("GET", "/zones?per_page=51", null);

        assertThat(noName.statusCode()).isEqualTo(422);
        assertThat(ttlOfFive.statusCode()).isEqualTo(422);
        assertThat(pageTooLarge.statusCode()).isEqualTo(422);
        assertThat(prism.violations()).isNotEmpty();
    }

    /** Presses every Cloudflare button the way an operator would, on entities of every shape; their messages. */
    private static List<String> pressEveryButton() {
        cloudflare.resetRequests();
        List<String> messages = new ArrayList<>();
        try (Testbed cf = Testbed.at(cloudflare.baseUrl())) {
            messages.add(outcome(cf.press("DomainName", "checkCloudflareToken", cf.domain)));
            messages.add(outcome(cf.press("ServiceProvider", "listCloudflareDomains", cf.provider)));
            messages.add(outcome(cf.press("DomainName", "listCloudflareDnsRecords", cf.domain)));
            messages.add(outcome(cf.press("DomainName", "listCloudflareLockdownRules", cf.domain)));
            for (Object[] record : RECORDS_OF_EVERY_TYPE) {
                String uuid = cf.dnsRecord(record);
                messages.add(outcome(cf.press("DnsRecord", "createCloudflareDnsRecord", uuid)));
            }
            String adopted = cf.dnsRecord("name", ADOPTED, "recordType", "A", "value", "192.0.2.10");
            messages.add(outcome(cf.press("DnsRecord", "createCloudflareDnsRecord", adopted)));

            String www = cf.dnsRecord("name", "www.example.com", "recordType", "A", "value", "192.0.2.10", "ttl", 300L,
                    "comment", "web front", "tags", List.of("team:web", "env:prod"), "providerSideId", RECORD_ID);
            messages.add(outcome(cf.press("DnsRecord", "updateCloudflareDnsRecord", www)));

            String rule = cf.lockdownRule("urls", List.of("example.com/admin*"), "ips", List.of("198.51.100.4", "2001:db8::7"),
                    "ipRanges", List.of("203.0.113.0/24", "2001:db8:1::/48"), "description", "Admin from the office", "priority", 2L);
            messages.add(outcome(cf.press("LockdownRule", "createCloudflareLockdownRule", rule)));
            messages.add(outcome(cf.press("LockdownRule", "updateCloudflareLockdownRule", rule)));
            messages.add(outcome(cf.press("DnsRecord", "addToCloudflareLockdownRule", www, Map.of("lockdownRule", rule))));
            messages.add(outcome(cf.press("LockdownRule", "deleteCloudflareLockdownRule", rule)));
            messages.add(outcome(cf.press("DnsRecord", "deleteCloudflareDnsRecord", www)));
        }
        return messages;
    }

    /** One record of each type Cloudflare's API takes, as an operator fills it in. */
    private static final Object[][] RECORDS_OF_EVERY_TYPE = {
            {"name", "www", "recordType", "A", "value", "192.0.2.10", "ttl", 3600L, "proxied", true},
            {"name", "www", "recordType", "AAAA", "value", "2001:DB8:0:0::10", "ttl", 1L},
            {"name", "shop", "recordType", "CNAME", "value", "www.example.com.", "comment", "the shop", "tags", List.of("team:shop")},
            {"name", "@", "recordType", "MX", "value", "mail.example.com", "priority", 10L},
            {"name", "@", "recordType", "TXT", "value", "v=spf1 include:_spf.example.net -all"},
            {"name", "sub", "recordType", "NS", "value", "ns1.example.net"},
            {"name", "ptr", "recordType", "PTR", "value", "www.example.com"},
            {"name", "@", "recordType", "CAA", "data", "{\"flags\": 0, \"tag\": \"issue\", \"value\": \"letsencrypt.org\"}"},
            {"name", "cert", "recordType", "CERT", "data", "{\"algorithm\": 8, \"certificate\": \"MIIBCgKCAQEAwZ\", \"key_tag\": 1, \"type\": 9}"},
            {"name", "@", "recordType", "DNSKEY", "data", "{\"algorithm\": 13, \"flags\": 257, \"protocol\": 3,"
                    + " \"public_key\": \"mdsswUyr3DPW132mOi8V9xESWE8jTo0dxCjjnopKl+GqJxpVXckHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ==\"}"},
            {"name", "sub", "recordType", "DS", "data", "{\"algorithm\": 13, \"digest\": \"3A7E0F42C6B1E6B2A2F6C3E1D4B5A697\", \"digest_type\": 2, \"key_tag\": 2371}"},
            {"name", "www", "recordType", "HTTPS", "data", "{\"priority\": 1, \"target\": \".\", \"value\": \"alpn=\\\"h3,h2\\\"\"}"},
            {"name", "office", "recordType", "LOC", "data", "{\"altitude\": 0, \"lat_degrees\": 37, \"lat_direction\": \"N\", \"lat_minutes\": 46,"
                    + " \"lat_seconds\": 46, \"long_degrees\": 122, \"long_direction\": \"W\", \"long_minutes\": 23, \"long_seconds\": 35,"
                    + " \"precision_horz\": 0, \"precision_vert\": 0, \"size\": 100}"},
            {"name", "@", "recordType", "NAPTR", "data", "{\"flags\": \"U\", \"order\": 100, \"preference\": 10,"
                    + " \"regex\": \"!^.*$!sip:info@example.com!\", \"replacement\": \".\", \"service\": \"E2U+sip\"}"},
            {"name", "c93f1e400f26708f98cb19d936620da35eec8f72e57f9eec01c1afd6._smimecert", "recordType", "SMIMEA",
                    "data", "{\"certificate\": \"3082010a0282010100\", \"matching_type\": 0, \"selector\": 0, \"usage\": 3}"},
            {"name", "_sip._tcp", "recordType", "SRV", "priority", 10L, "data", "{\"port\": 5060, \"target\": \"sip.example.com\", \"weight\": 5}"},
            {"name", "host", "recordType", "SSHFP", "data", "{\"algorithm\": 4, \"fingerprint\": \"123456789abcdef67890123456789abcdef67890\", \"type\": 1}"},
            {"name", "_dns", "recordType", "SVCB", "data", "{\"priority\": 1, \"target\": \"dns.example.com\", \"value\": \"alpn=\\\"dot\\\"\"}"},
            {"name", "_443._tcp", "recordType", "TLSA", "data", "{\"certificate\": \"d2abde240d7cd3ee6b4b28c54df034b9\", \"matching_type\": 1, \"selector\": 0, \"usage\": 3}"},
            {"name", "_ftp._tcp", "recordType", "URI", "priority", 10L, "data", "{\"target\": \"ftp://ftp.example.com/public\", \"weight\": 1}"},
    };

    private static void answerAsCloudflare() {
        cloudflare.stubFor(get("/user/tokens/verify").willReturn(okJson(fixture("cloudflare/token-active.json"))));
        cloudflare.stubFor(get(urlPathEqualTo("/zones")).withQueryParam("page", absent()).willReturn(okJson(fixture("cloudflare/zones-page-1.json"))));
        cloudflare.stubFor(get(urlPathEqualTo("/zones")).withQueryParam("page", equalTo("2")).willReturn(okJson(fixture("cloudflare/zones-page-2.json"))));
        for (int page = 1; page <= 3; page++) {
            cloudflare.stubFor(get(urlPathEqualTo(RECORDS)).withQueryParam("page", page == 1 ? absent() : equalTo(String.valueOf(page)))
                    .withQueryParam("type", absent()).willReturn(okJson(fixture("cloudflare/dns-records-page-" + page + ".json"))));
        }
        cloudflare.stubFor(post(RECORDS).willReturn(okJson(fixture("cloudflare/dns-record.json"))));
        cloudflare.stubFor(post(RECORDS).withRequestBody(matchingJsonPath("$.name", equalTo(ADOPTED)))
                .willReturn(aResponse().withStatus(400).withBody(fixture("cloudflare/error-record-exists.json"))));
        cloudflare.stubFor(get(urlPathEqualTo(RECORDS)).withQueryParam("name", equalTo(ADOPTED))
                .willReturn(okJson(fixture("cloudflare/dns-records-found.json").replace("www.example.com", ADOPTED)
                        .replace(RECORD_ID, "abcdef0123456789abcdef0123456789"))));
        cloudflare.stubFor(get(urlEqualTo(RECORDS + "/" + RECORD_ID)).willReturn(okJson(fixture("cloudflare/dns-record.json")
                .replace("\"comment\": null", "\"comment\": \"old\""))));
        cloudflare.stubFor(patch(urlEqualTo(RECORDS + "/" + RECORD_ID)).willReturn(okJson(fixture("cloudflare/dns-record-ttl-300.json"))));
        cloudflare.stubFor(delete(urlEqualTo(RECORDS + "/" + RECORD_ID)).willReturn(okJson(fixture("cloudflare/dns-record-deleted.json"))));
        cloudflare.stubFor(get(urlPathEqualTo(LOCKDOWNS)).withQueryParam("page", absent()).willReturn(okJson(fixture("cloudflare/lockdowns-page-1.json"))));
        cloudflare.stubFor(get(urlPathEqualTo(LOCKDOWNS)).withQueryParam("page", equalTo("2")).willReturn(okJson(fixture("cloudflare/lockdowns-page-2.json"))));
        cloudflare.stubFor(post(LOCKDOWNS).willReturn(okJson(fixture("cloudflare/lockdown-rule.json"))));
        cloudflare.stubFor(put(urlPathMatching(LOCKDOWNS + "/[0-9a-f]{32}")).withRequestBody(containing("urls"))
                .willReturn(okJson(fixture("cloudflare/lockdown-rule.json"))));
        cloudflare.stubFor(delete(urlPathMatching(LOCKDOWNS + "/[0-9a-f]{32}"))
                .willReturn(okJson("{\"success\": true, \"errors\": [], \"messages\": [], \"result\": {\"id\": \"" + RULE_ID + "\"}}")));
    }

    private static String outcome(PressResult result) {
        return result.outcome() + ": " + result.message();
    }

    private static HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(prism.baseUrl() + path.substring(1)))
                .header("Authorization", "Bearer " + Testbed.TOKEN).header("Accept", "application/json");
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        builder.method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json));
        return client.send(builder.build(), BodyHandlers.ofString());
    }
}
