package io.mvinfra.host.web;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static support.Fixtures.fixture;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.mvinfra.host.web.ApiClient.Response;

/**
 * Deletes that clean up, in the real headless browser: a DNS record deleted at Cloudflare can leave the lockdown rule
 * it was added to (a real update of the rule at the stub), and a ServiceProvider's delete says what refers to it and
 * what only it uses, and takes them or keeps them as the operator chooses.
 */
class DeletesThatCleanUpBrowserTest {
    private static final String ZONE_ID = CloudflareWeb.ZONE_ID;
    private static final String RECORD_ID = CloudflareWeb.RECORD_ID;
    private static final String RULE_ID = "5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f";

    private static CloudflareWeb cf;
    private static WireMockServer cloudflare;
    private static ApiClient api;
    private static Browser browser;

    @BeforeAll
    static void start() {
        cf = CloudflareWeb.withBrowser();
        cloudflare = cf.cloudflare;
        api = cf.api;
        browser = cf.browser;
    }

    @AfterAll
    static void stop() {
        if (cf != null) {
            cf.close();
        }
    }

    @Test
    void deletingARecordAtCloudflareOffersToTakeItOutOfTheLockdownRuleItWasAddedTo() {
        String provider = provider("cf-cleanup", credential("cleanup.example"));
        String zone = api.post("/api/entities/DomainName", Map.of("fields", Map.of("name", "cleanup.example", "registrar", provider,
                "providerSideId", ZONE_ID))).json().path("uuid").asText();
        String rule = api.post("/api/entities/LockdownRule", Map.of("fields", Map.of("domainName", zone, "description", "Servers",
                "urls", List.of("cleanup.example/admin*", "www.cleanup.example/*"), "ips", List.of("198.51.100.4", "192.0.2.10"),
                "providerSideId", RULE_ID))).json().path("uuid").asText();
        String record = api.post("/api/entities/DnsRecord", Map.of("fields", Map.of("domainName", zone, "recordType", "A",
                "name", "www", "value", "192.0.2.10", "providerSideId", RECORD_ID))).json().path("uuid").asText();
        String recordPath = "/client/v4/zones/" + ZONE_ID + "/dns_records/" + RECORD_ID;
        String rulePath = "/client/v4/zones/" + ZONE_ID + "/firewall/lockdowns/" + RULE_ID;
        cloudflare.stubFor(delete(urlEqualTo(recordPath)).willReturn(okJson(fixture("cloudflare/dns-record-deleted.json"))));
        cloudflare.stubFor(put(urlEqualTo(rulePath)).willReturn(okJson("{\"success\": true, \"errors\": [], \"messages\": [],"
                + " \"result\": {\"id\": \"" + RULE_ID + "\", \"paused\": false, \"description\": \"Servers\","
                + " \"urls\": [\"cleanup.example/admin*\"], \"configurations\": [{\"target\": \"ip\", \"value\": \"198.51.100.4\"}],"
                + " \"created_on\": \"2024-03-04T10:11:12Z\", \"modified_on\": \"2024-03-06T08:00:00Z\"}}")));

        browser.go("/e/DnsRecord/" + record, "[data-action='deleteCloudflareDnsRecord']");
        browser.click("[data-action='deleteCloudflareDnsRecord']");
        String offer = browser.text("#ask");
        browser.click("#param-removeFromLockdownRules");
        browser.screenshot("delete-record-cleanup-ask");
        browser.click("#ask-confirm");

        new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().endsWith("/#/e/DnsRecord"));
        browser.waitForText("body", "taken out of lockdown rule 'Servers'");
        browser.screenshot("delete-record-cleanup-done");

        assertThat(offer).contains("Remove from lockdown rules");
        cloudflare.verify(deleteRequestedFor(urlEqualTo(recordPath)));
        cloudflare.verify(putRequestedFor(urlEqualTo(rulePath)).withRequestBody(equalToJson(
                "{\"urls\": [\"cleanup.example/admin*\"], \"configurations\": [{\"target\": \"ip\", \"value\": \"198.51.100.4\"}]}",
                true, true)));
        assertThat(api.get("/api/entities/LockdownRule/" + rule).json().path("fields").path("urls").toString())
                .isEqualTo("[\"cleanup.example/admin*\"]");
        assertThat(api.get("/api/entities/DnsRecord/" + record).status()).isEqualTo(404);
    }

    @Test
    void deletingAProviderSaysWhatRefersToItAndTakesThemAlongKeepingItsCredentialUnlessTicked() {
        String credential = credential("gone.example");
        String provider = provider("cf-going", credential);
        String first = api.post("/api/entities/DomainName", Map.of("fields", Map.of("name", "gone.example", "registrar", provider)))
                .json().path("uuid").asText();
        String second = api.post("/api/entities/DomainName", Map.of("fields", Map.of("name", "also-gone.example", "registrar", provider)))
                .json().path("uuid").asText();
        String record = api.post("/api/entities/DnsRecord", Map.of("fields", Map.of("domainName", first, "recordType", "A",
                "name", "www", "value", "192.0.2.77"))).json().path("uuid").asText();

        browser.go("/e/ServiceProvider/" + provider, "#delete");
        browser.click("#delete");
        String question = browser.text("#ask");
        browser.click("#ask-confirm");
        browser.waitForText("#ask-error", "cannot go while they refer to it");
        boolean stillThere = api.get("/api/entities/ServiceProvider/" + provider).status() == 200;
        browser.click("#delete-referrers");
        browser.screenshot("provider-delete-referrers");
        browser.click("#ask-confirm");

        new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().endsWith("/#/e/ServiceProvider"));
        browser.waitForText("body", "deleted, with 3 entities it took along");
        browser.screenshot("provider-delete-done");

        assertThat(question).contains("2 Domain names: gone.example, also-gone.example").contains("1 DNS record: www")
                .contains("Also delete its credential gone.example (nothing else uses it)");
        assertThat(stillThere).as("nothing goes before the choice is made").isTrue();
        assertThat(List.of(provider, first, second, record).stream().map(this::status).toList()).containsOnly(404);
        assertThat(api.get("/api/entities/Credential/" + credential).status()).as("kept: not ticked").isEqualTo(200);
    }

    @Test
    void theDeletionApiTakesTheTickedCredentialAndRefusesToLeaveReferrersDangling() {
        String credential = credential("api-gone.example");
        String provider = provider("cf-api-going", credential);
        api.post("/api/entities/DomainName", Map.of("fields", Map.of("name", "api-gone.example", "registrar", provider)));

        JsonBody dependents = new JsonBody(api.get("/api/entities/ServiceProvider/" + provider + "/dependents"));
        Response kept = api.post("/api/entities/ServiceProvider/" + provider + "/deletion", Map.of("deleteReferrers", false));
        Response notOnlyItsOwn = api.post("/api/entities/ServiceProvider/" + provider + "/deletion", Map.of("deleteReferrers", true,
                "alsoDelete", List.of(provider)));
        Response done = api.post("/api/entities/ServiceProvider/" + provider + "/deletion", Map.of("deleteReferrers", true,
                "alsoDelete", List.of(credential)));

        assertThat(dependents.text()).contains("\"counts\":{\"DomainName\":1}").contains("\"exclusive\":[{\"entity\":\"Credential\"");
        assertThat(kept.status()).isEqualTo(409);
        assertThat(kept.json().path("error").asText()).contains("is referred to by 1 entities");
        assertThat(notOnlyItsOwn.status()).isEqualTo(400);
        assertThat(done.json().path("deleted").asInt()).isEqualTo(3);
        assertThat(api.get("/api/entities/Credential/" + credential).status()).isEqualTo(404);
    }

    private record JsonBody(Response response) {
        String text() {
            return response.json().toString();
        }
    }

    private int status(String uuid) {
        for (String cet : List.of("ServiceProvider", "DomainName", "DnsRecord")) {
            if (api.get("/api/entities/" + cet + "/" + uuid).status() == 200) {
                return 200;
            }
        }
        return 404;
    }

    private static String credential(String domain) {
        return cf.credential(domain);
    }

    private static String provider(String code, String credential) {
        return cf.provider(code, credential);
    }
}
