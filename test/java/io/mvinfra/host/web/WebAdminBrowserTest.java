package io.mvinfra.host.web;

import static support.Fixtures.fixture;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.mvinfra.host.web.testbuttons.HoldUntilReleased;

/**
 * The web admin in a real headless browser, as an operator uses it: create a credential and a provider,
 * a DNS record (meeting a validation error on the way), press its create button against a Cloudflare
 * stub, see the message and the provider-side id. Screenshots land in target/screenshots/.
 */
class WebAdminBrowserTest {
    /** The module under test: the project's descriptors (with the real Cloudflare buttons), plus test buttons laid over them. */
    private static final String[] OVERLAYS = {"web-api"};
    private static final String CREATE_BUTTON = "createCloudflareDnsRecord";
    private static final String ZONE_ID = "023e105f4ecef8ad9ca31a8372d0c353";
    private static final String RECORD_ID = "372e67954025e0ba6aaa6d586b9e0b59";
    private static final String TOKEN = "CANARY-cf-token-9b27e1";

    private static WireMockServer cloudflare;
    private static WebHost web;
    private static ApiClient api;
    private static Browser browser;
    private final List<String> sources = new ArrayList<>();

    @BeforeAll
    static void start() {
        Browser.requireChromium();
        cloudflare = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        cloudflare.start();
        web = WebHost.start(OVERLAYS);
        api = web.client().session();
        browser = Browser.open(web.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (web != null) {
            web.close();
        }
        if (cloudflare != null) {
            cloudflare.stop();
        }
    }

    @AfterEach
    void releaseHeldButtons() {
        HoldUntilReleased.release();
    }

    @Test
    void createsProviderCredentialAndRecordThenPressesCreateAndSeesTheProviderSideId() {
        cloudflare.stubFor(post(urlEqualTo("/client/v4/zones/" + ZONE_ID + "/dns_records"))
                .willReturn(okJson(fixture("cloudflare/dns-record-www-created.json"))));

        browser.go("/e/Credential/new", "#entity-form");
        browser.type("domainName", "example.com");
        browser.choose("authenticationType", "Cloudflare API token (Bearer) (CLOUDFLARE_API_TOKEN)");
        browser.type("token", TOKEN);
        browser.click("#save");
        browser.savedUuid("Credential");
        keepSource();

        browser.go("/e/ServiceProvider/new", "#entity-form");
        browser.type("code", "cloudflare-main");
        browser.choose("kind", "Cloudflare (CLOUDFLARE)");
        browser.type("apiBaseUrl", cloudflare.baseUrl() + "/client/v4");
        browser.choose("credential", "example.com");
        browser.click("#save");
        String provider = browser.savedUuid("ServiceProvider");
        keepSource();

        // the zone arrives from "list domains" in real use: here through the API, as a tool would
        String domain = api.post("/api/entities/DomainName", Map.of("fields", Map.of("name", "example.com", "registrar", provider,
                "providerSideId", ZONE_ID, "status", "active"))).json().path("uuid").asText();

        browser.go("/e/DnsRecord/new", "#entity-form");
        browser.choose("domainName", "example.com");
        browser.choose("recordType", "A");
        browser.type("name", "www.example.com");
        browser.type("value", "198.51.100.4");
        browser.type("ttl", "100000");
        browser.type("comment", "front door");
        browser.click("#save");

        browser.waitForText("#f-ttl-error", "at most 86400");
        assertThat(browser.driver().findElement(By.cssSelector("#f-ttl")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.text("#form-alert")).contains("Please correct the field marked below");
        assertThat(browser.driver().getCurrentUrl()).as("the form stays, with what was typed").endsWith("/new");
        assertThat(browser.field("name").getAttribute("value")).isEqualTo("www.example.com");
        browser.screenshot("form-validation-error");

        browser.type("ttl", "300");
        browser.click("#save");
        String record = browser.savedUuid("DnsRecord");
        browser.waitFor("[data-action='" + CREATE_BUTTON + "']");
        assertThat(browser.text("#f-providerSideId")).isEqualTo("—");

        browser.click("[data-action='" + CREATE_BUTTON + "']");

        browser.waitForText("#press-result", RECORD_ID);
        assertThat(browser.text("#press-result .alert")).contains("created").contains(RECORD_ID);
        assertThat(browser.waitFor("#press-result .alert").getAttribute("data-outcome")).isEqualTo("SUCCESS");
        browser.waitForText("#f-providerSideId", RECORD_ID);
        browser.waitUntilGone("[data-action='" + CREATE_BUTTON + "']");
        browser.waitForText(".history", "Create on Cloudflare");
        keepSource();
        browser.screenshot("form-button-result");
        cloudflare.verify(postRequestedFor(urlEqualTo("/client/v4/zones/" + ZONE_ID + "/dns_records"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(equalToJson("{\"type\":\"A\",\"name\":\"www.example.com\",\"content\":\"198.51.100.4\",\"ttl\":300,\"proxied\":false,\"comment\":\"front door\"}")));
        assertThat(api.get("/api/entities/DnsRecord/" + record).json().path("fields").path("providerSideId").asText()).isEqualTo(RECORD_ID);
        assertThat(domain).isNotBlank();

        browser.go("/e/DnsRecord", "#entities");
        assertThat(browser.text("#entities")).contains("www.example.com").contains("example.com").contains("198.51.100.4").contains("300");
        assertThat(browser.text("#count")).isEqualTo("1–1 of 1");
        browser.screenshot("list-page");

        browser.go("/audit", "#audit");
        assertThat(browser.text("#audit")).contains("Create on Cloudflare").contains("www.example.com").containsIgnoringCase("success");
        keepSource();
        browser.screenshot("audit-trail");
        assertNoSecretIn(sources);
    }

    @Test
    void neitherAPressNorAConcurrentChangeLosesWhatTheOperatorTyped() {
        String uuid = api.post("/api/entities/ServiceProvider", Map.of("fields", Map.of("code", "keep-edits", "kind", "SCALEWAY",
                "status", "INACTIVE"))).json().path("uuid").asText();
        browser.go("/e/ServiceProvider/" + uuid, "[data-action='reactivate']");
        browser.type("organization", "typed before the press");

        browser.click("[data-action='reactivate']");
        browser.waitForText("#press-result", "keep-edits is active again");
        browser.waitUntilGone("[data-action='reactivate']");
        String status = browser.field("status").getAttribute("value");
        String organization = browser.field("organization").getAttribute("value");
        api.put("/api/entities/ServiceProvider/" + uuid, Map.of("version", 2, "fields", Map.of("description", "changed elsewhere")));
        browser.click("#save");
        browser.waitForText("#form-alert", "changed by someone else");
        browser.click("#form-alert button");
        browser.waitForText("#form-alert", "your changes are kept");
        String description = browser.field("description").getAttribute("value");
        browser.click("#save");
        browser.waitForText("#form-alert", "Saved");

        assertThat(status).as("an untouched field shows what the button wrote").isEqualTo("ACTIVE");
        assertThat(organization).as("a typed field survives the press").isEqualTo("typed before the press");
        assertThat(description).isEqualTo("changed elsewhere");
        var fields = api.get("/api/entities/ServiceProvider/" + uuid).json().path("fields");
        assertThat(fields.path("organization").asText()).isEqualTo("typed before the press");
        assertThat(fields.path("description").asText()).isEqualTo("changed elsewhere");
        assertThat(fields.path("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void deleteOnCloudflareAsksFirstNamingWhatIsLostThenShowsTheList() {
        String zone = cloudflareZone("delete.example", "cf-delete");
        String record = api.post("/api/entities/DnsRecord", Map.of("fields", Map.of("domainName", zone, "recordType", "A",
                "name", "gone.delete.example", "value", "198.51.100.9", "providerSideId", RECORD_ID))).json().path("uuid").asText();
        String path = "/client/v4/zones/" + ZONE_ID + "/dns_records/" + RECORD_ID;
        cloudflare.stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete(urlEqualTo(path))
                .willReturn(okJson(fixture("cloudflare/dns-record-deleted.json"))));

        browser.go("/e/DnsRecord/" + record, "[data-action='deleteCloudflareDnsRecord']");
        browser.click("[data-action='deleteCloudflareDnsRecord']");
        String question = browser.text("#ask");
        browser.screenshot("provider-delete-confirm");
        browser.click("#ask-cancel");
        browser.waitUntilGone("#ask");
        int afterCancel = cloudflare.findAll(com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor(urlEqualTo(path))).size();
        browser.click("[data-action='deleteCloudflareDnsRecord']");
        browser.click("#ask-confirm");

        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(15))
                .until(d -> d.getCurrentUrl().endsWith("/#/e/DnsRecord"));
        browser.waitForText("body", "DNS record gone.delete.example deleted");
        assertThat(question).contains("Delete on Cloudflare: DNS record gone.delete.example?")
                .contains("Deletes the DNS record at Cloudflare: the name stops resolving");
        assertThat(afterCancel).as("cancel sends nothing").isZero();
        assertThat(api.get("/api/entities/DnsRecord/" + record).status()).isEqualTo(404);
        browser.screenshot("provider-delete-then-list");
    }

    @Test
    void deletingALockdownRuleAtCloudflareNeedsItsNameTyped() {
        String zone = cloudflareZone("rules.example", "cf-rules");
        String rule = api.post("/api/entities/LockdownRule", Map.of("fields", Map.of("domainName", zone, "description", "admin area",
                "urls", List.of("rules.example/admin*"), "ips", List.of("198.51.100.4"), "providerSideId", "rule-1"))).json().path("uuid").asText();
        String label = api.get("/api/entities/LockdownRule/" + rule).json().path("label").asText();

        browser.go("/e/LockdownRule/" + rule, "[data-action='deleteCloudflareLockdownRule']");
        browser.click("[data-action='deleteCloudflareLockdownRule']");
        boolean enabledBefore = browser.waitFor("#ask-confirm").isEnabled();
        browser.typeCss("#ask-type-name", label);
        boolean enabledAfter = browser.waitFor("#ask-confirm").isEnabled();
        browser.screenshot("provider-delete-type-name");
        browser.click("#ask-cancel");

        assertThat(enabledBefore).as("not before the name is typed").isFalse();
        assertThat(enabledAfter).isTrue();
        assertThat(api.get("/api/entities/LockdownRule/" + rule).status()).isEqualTo(200);
    }

    @Test
    void addToLockdownRuleAsksWhichRuleOfTheZoneInAForm() {
        String zone = cloudflareZone("params.example", "cf-params");
        String office = "5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f";
        String partners = "6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a";
        api.post("/api/entities/LockdownRule", Map.of("fields", Map.of("domainName", zone, "description", "Admin from the office",
                "urls", List.of("params.example/admin*"), "ips", List.of("198.51.100.4"), "providerSideId", office)));
        String second = api.post("/api/entities/LockdownRule", Map.of("fields", Map.of("domainName", zone, "description", "Partners",
                "urls", List.of("params.example/partners*"), "ips", List.of("198.51.100.5"), "providerSideId", partners))).json().path("uuid").asText();
        String record = api.post("/api/entities/DnsRecord", Map.of("fields", Map.of("domainName", zone, "recordType", "A",
                "name", "www.params.example", "value", "192.0.2.10", "providerSideId", RECORD_ID))).json().path("uuid").asText();
        String rulePath = "/client/v4/zones/" + ZONE_ID + "/firewall/lockdowns/" + partners;
        cloudflare.stubFor(com.github.tomakehurst.wiremock.client.WireMock.put(urlEqualTo(rulePath)).willReturn(okJson(
                "{\"success\": true, \"errors\": [], \"messages\": [], \"result\": {\"id\": \"" + partners + "\","
                + " \"created_on\": \"2024-03-04T10:11:12Z\", \"modified_on\": \"2024-03-06T08:00:00Z\", \"paused\": false,"
                + " \"description\": \"Partners\", \"urls\": [\"params.example/partners*\", \"www.params.example/*\"],"
                + " \"configurations\": [{\"target\": \"ip\", \"value\": \"198.51.100.5\"}, {\"target\": \"ip\", \"value\": \"192.0.2.10\"}]}}")));

        browser.go("/e/DnsRecord/" + record, "[data-action='addToCloudflareLockdownRule']");
        browser.click("[data-action='addToCloudflareLockdownRule']");
        org.openqa.selenium.support.ui.Select rules = new org.openqa.selenium.support.ui.Select(browser.waitFor("#param-lockdownRule"));
        List<String> offered = rules.getOptions().stream().map(o -> o.getText()).toList();
        rules.selectByValue(second);
        browser.screenshot("press-parameter-form");
        browser.click("#ask-confirm");

        browser.waitForText("#press-result", "now lets 192.0.2.10 through");
        assertThat(offered).containsExactly("(choose)", "Admin from the office", "Partners");
        assertThat(browser.text("#press-result")).contains("Partners");
        cloudflare.verify(com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor(urlEqualTo(rulePath)));
        browser.screenshot("press-parameter-result");
    }

    @Test
    void aDomainPageListsItsRecordsAndRulesByNameAndTheProviderPageItsDomainsWithTheirListButton() {
        String zone = cloudflareZone("related.example", "cf-related");
        String other = cloudflareZone("elsewhere.example", "cf-elsewhere");
        String www = api.post("/api/entities/DnsRecord", Map.of("fields", Map.of("domainName", zone, "recordType", "A",
                "name", "www.related.example", "value", "192.0.2.20"))).json().path("uuid").asText();
        api.post("/api/entities/DnsRecord", Map.of("fields", Map.of("domainName", zone, "recordType", "MX",
                "name", "related.example", "value", "mail.related.example", "priority", 10)));
        api.post("/api/entities/DnsRecord", Map.of("fields", Map.of("domainName", other, "recordType", "A",
                "name", "www.elsewhere.example", "value", "192.0.2.30")));
        api.post("/api/entities/LockdownRule", Map.of("fields", Map.of("domainName", zone, "description", "Office only",
                "urls", List.of("related.example/admin*"), "ips", List.of("198.51.100.4"))));

        browser.go("/e/DomainName?q=related", "#entities");
        browser.script("window.scrollTo(0, document.body.scrollHeight)");
        browser.go("/e/DomainName/" + zone, "[data-related='DnsRecord'] a.entity-link");
        String records = browser.text("[data-related='DnsRecord']");
        String rules = browser.text("[data-related='LockdownRule']");
        long scrolled = ((Number) browser.script("return window.scrollY")).longValue();
        browser.screenshot("domain-related-records");

        assertThat(records).contains("www.related.example").contains("192.0.2.20").contains("related.example")
                .contains("mail.related.example").doesNotContain("elsewhere");
        assertThat(rules).contains("Office only");
        assertThat(scrolled).as("a new page starts at the top").isZero();
        browser.click("[data-related='DnsRecord'] a.entity-link");
        browser.waitFor("#entity-form");
        assertThat(browser.driver().getCurrentUrl()).as("a record links by its own name, to itself")
                .endsWith("/e/DnsRecord/" + www);

        String provider = api.get("/api/entities/DomainName/" + zone).json().path("fields").path("registrar").asText();
        browser.go("/e/ServiceProvider/" + provider, "[data-related='DomainName'] [data-list-action='listCloudflareDomains']");
        assertThat(browser.text("[data-related='DomainName']")).contains("related.example").doesNotContain("elsewhere.example");
    }

    @Test
    void listRowsLinkByTheEntitysOwnName() {
        String zone = cloudflareZone("rows.example", "cf-rows");
        String record = api.post("/api/entities/DnsRecord", Map.of("fields", Map.of("domainName", zone, "recordType", "A",
                "name", "api.rows.example", "value", "192.0.2.40"))).json().path("uuid").asText();

        browser.go("/e/DnsRecord?q=api.rows.example", "#entities a.entity-link");

        assertThat(browser.text("#entities tbody td:first-child")).isEqualTo("api.rows.example");
        assertThat(browser.waitFor("#entities a.entity-link").getAttribute("href")).endsWith("/e/DnsRecord/" + record);
    }

    @Test
    void theHomePageIsADashboardOfProvidersFailuresAndCounts() {
        String credential = api.post("/api/entities/Credential", Map.of("fields", Map.of("domainName", "down.example",
                "authenticationType", "CLOUDFLARE_API_TOKEN", "token", TOKEN, "status", "INVALID",
                "statusReason", "token revoked"))).json().path("uuid").asText();
        String provider = api.post("/api/entities/ServiceProvider", Map.of("fields", Map.of("code", "cf-down", "kind", "CLOUDFLARE",
                "apiBaseUrl", "http://127.0.0.1:9/client/v4", "credential", credential))).json().path("uuid").asText();
        api.post("/api/entities/ServiceProvider", Map.of("fields", Map.of("code", "scw-bare", "kind", "SCALEWAY")));
        String zone = api.post("/api/entities/DomainName", Map.of("fields", Map.of("name", "down.example", "registrar", provider,
                "providerSideId", ZONE_ID, "status", "active"))).json().path("uuid").asText();
        String outcome = api.post("/api/entities/DomainName/" + zone + "/actions/listCloudflareDnsRecords?wait=20", Map.of())
                .json().path("result").path("outcome").asText();
        long domains = api.get("/api/entities/DomainName?limit=1").json().path("total").asLong();

        browser.go("/", "#dash-providers [data-provider='" + provider + "']");
        browser.waitFor("#dash-failures .dash-failure");
        browser.waitForText("[data-count='DomainName']", String.valueOf(domains));
        String providers = browser.text("#dash-providers");
        String failed = browser.text("#dash-failures");
        List<String> order = browser.driver().findElements(By.cssSelector("#dash-templates .tile")).stream()
                .map(t -> t.getAttribute("data-template")).toList();
        browser.screenshot("dashboard");

        assertThat(outcome).isEqualTo("FAILED");
        assertThat(providers).contains("cf-down").contains("Invalid").contains("token revoked")
                .contains("scw-bare").contains("No credential");
        assertThat(failed).contains("List DNS records").contains("down.example").contains("could not reach 127.0.0.1:9")
                .contains("the host's log, reference").doesNotContain("java.").doesNotContain("Exception");
        Set<String> withButtons = new HashSet<>();
        api.get("/api/module").json().path("entities").forEach(t -> {
            if (t.path("buttons").size() > 0) {
                withButtons.add(t.path("code").asText());
            }
        });
        assertThat(withButtons).isNotEmpty();
        assertThat(order.subList(0, withButtons.size())).as("templates with buttons first").containsExactlyInAnyOrderElementsOf(withButtons);
        assertThat(order).hasSizeGreaterThan(withButtons.size());
    }

    @Test
    void clearWordsSaveBesideTheButtonsAutoForTtlOneAndOneBannerAtATime() {
        String zone = cloudflareZone("words.example", "cf-words");
        // Cloudflare answers with the record of this zone: a later save checks the name is in it
        cloudflare.stubFor(post(urlEqualTo("/client/v4/zones/" + ZONE_ID + "/dns_records"))
                .willReturn(okJson(fixture("cloudflare/dns-record-www-created.json").replace("example.com", "words.example"))));

        browser.go("/e/DnsRecord/new", "#entity-form");
        String saveOnNew = browser.text("#save");
        boolean autoOnNew = browser.waitFor("#f-ttl-auto").isSelected();
        browser.choose("domainName", "words.example");
        browser.choose("recordType", "A");
        browser.type("name", "www.words.example");
        browser.type("value", "198.51.100.4");
        browser.click("#save");
        String record = browser.savedUuid("DnsRecord");
        browser.waitForText("#form-alert", "created");
        String saveOnExisting = browser.text("#save");
        String storedTtl = api.get("/api/entities/DnsRecord/" + record).json().path("fields").path("ttl").asText();

        browser.click("[data-action='" + CREATE_BUTTON + "']");
        browser.waitForText("#press-result", RECORD_ID);
        String alertAfterPress = (String) browser.script("return document.querySelector('#form-alert').textContent");
        browser.type("comment", "edited");
        browser.click("#save");
        browser.waitForText("#form-alert", "Saved");
        String pressAfterSave = (String) browser.script("return document.querySelector('#press-result').textContent");
        browser.screenshot("clear-words");

        String auto = api.post("/api/entities/DnsRecord", Map.of("fields", Map.of("domainName", zone, "recordType", "A",
                "name", "auto.words.example", "value", "198.51.100.6"))).json().path("uuid").asText();
        browser.go("/e/DnsRecord?q=" + auto, "#entities a.entity-link");
        String row = browser.text("#entities tbody");

        assertThat(saveOnNew).as("the local save is labelled as saving").isEqualTo("Save");
        assertThat(saveOnExisting).isEqualTo("Save");
        assertThat(autoOnNew).as("TTL 1 is offered as Auto").isTrue();
        assertThat(storedTtl).isEqualTo("1");
        assertThat(alertAfterPress).as("the press's outcome replaces the \"created\" banner").isEmpty();
        assertThat(pressAfterSave).as("the save's outcome replaces the press's").isEmpty();
        assertThat(row).contains("auto.words.example").contains("Auto");
    }

    /** A Cloudflare zone whose registrar's API base is the stub; its uuid. */
    private static String cloudflareZone(String name, String providerCode) {
        String credential = api.post("/api/entities/Credential", Map.of("fields", Map.of("domainName", name,
                "authenticationType", "CLOUDFLARE_API_TOKEN", "token", TOKEN))).json().path("uuid").asText();
        String provider = api.post("/api/entities/ServiceProvider", Map.of("fields", Map.of("code", providerCode, "kind", "CLOUDFLARE",
                "apiBaseUrl", cloudflare.baseUrl() + "/client/v4", "credential", credential))).json().path("uuid").asText();
        return api.post("/api/entities/DomainName", Map.of("fields", Map.of("name", name, "registrar", provider,
                "providerSideId", ZONE_ID, "status", "active"))).json().path("uuid").asText();
    }

    @Test
    void theJobsPageReportsRunsFilteredByJobAndOutcome() {
        api.post("/api/jobs/countProviders/run?wait=10", Map.of());
        api.post("/api/jobs/failingJob/run?wait=10", Map.of());

        browser.go("/jobs?outcome=FAILED", "#job-runs-table");
        List<String> failedJobs = browser.driver().findElements(By.cssSelector("#job-runs-table tbody tr")).stream()
                .map(row -> row.getAttribute("data-job")).toList();
        new org.openqa.selenium.support.ui.Select(browser.waitFor("#runs-outcome")).selectByValue("SUCCESS");
        new org.openqa.selenium.support.ui.Select(browser.waitFor("#runs-job")).selectByValue("countProviders");
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(15))
                .until(d -> d.findElements(By.cssSelector("#job-runs-table tbody tr[data-outcome='FAILED']")).isEmpty()
                        && !d.findElements(By.cssSelector("#job-runs-table tbody tr")).isEmpty());
        List<String> succeeded = browser.driver().findElements(By.cssSelector("#job-runs-table tbody tr")).stream()
                .map(row -> row.getAttribute("data-job") + "/" + row.getAttribute("data-outcome")).distinct().toList();
        browser.screenshot("job-runs-filtered");

        assertThat(failedJobs).isNotEmpty().containsOnly("failingJob");
        assertThat(browser.text("#job-runs-table")).doesNotContain("the provider did not answer");
        assertThat(succeeded).containsExactly("countProviders/SUCCESS");
        assertThat(browser.driver().getCurrentUrl()).as("the filters are in the URL").contains("job=countProviders").contains("outcome=SUCCESS");
    }

    @Test
    void aButtonOfTheListListsCloudflareDomainsFromTheDomainPage() {
        cloudflare.stubFor(get(urlPathEqualTo("/client/v4/zones")).willReturn(okJson(fixture("cloudflare/zones-page-2.json"))));
        String credential = api.post("/api/entities/Credential", Map.of("fields", Map.of("domainName", "list.example",
                "authenticationType", "CLOUDFLARE_API_TOKEN", "token", TOKEN))).json().path("uuid").asText();
        api.post("/api/entities/ServiceProvider", Map.of("fields", Map.of("code", "cf-list", "kind", "CLOUDFLARE",
                "apiBaseUrl", cloudflare.baseUrl() + "/client/v4/", "credential", credential)));

        String leaving = api.post("/api/entities/DomainName", Map.of("fields", Map.of("name", "leaving.example"))).json().path("uuid").asText();
        browser.go("/e/DomainName/" + leaving, "#delete");
        browser.click("#delete");
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(15))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent()).accept();
        browser.waitForText("#list-flash", "leaving.example deleted");
        browser.click("[data-list-action='listCloudflareDomains']");

        browser.waitForText("#list-press-result", "Cloudflare domains of cf-list");
        assertThat(browser.driver().findElements(By.id("list-flash"))).as("the press's outcome replaces the banner above it").isEmpty();
        assertThat(browser.waitFor("#list-press-result .alert").getAttribute("data-outcome")).isEqualTo("SUCCESS");
        browser.waitForText("#entities", "example.net");
        browser.screenshot("list-button-result");
    }

    @Test
    void theListPagesAndFiltersWhileTheOperatorTypes() {
        for (int i = 1; i <= 27; i++) {
            api.post("/api/entities/DomainName", Map.of("fields", Map.of("name", String.format("page-%02d.example.org", i))));
        }

        browser.go("/e/DomainName?q=page-", "#entities");
        browser.waitForText("#count", "1–25 of 27");
        browser.click(".pager a:last-child");
        browser.waitForText("#count", "26–27 of 27");
        assertThat(browser.text("#entities")).contains("page-26.example.org").doesNotContain("page-01.example.org");
        browser.typeCss("#filter", "PAGE-07");
        browser.waitForText("#count", "1–1 of 1");
        String focused = (String) browser.script("return document.activeElement.id");
        browser.typeCss("#filter", "no-such-domain");

        browser.waitForText(".results", "Nothing matches");
        assertThat(focused).as("the filter keeps the focus while results change").isEqualTo("filter");
        assertThat(browser.driver().getCurrentUrl()).endsWith("?q=no-such-domain");
    }

    @Test
    void aSecretIsNeverInThePageOnlyWhetherItIsSet() {
        browser.go("/e/Credential/new", "#entity-form");
        browser.type("domainName", "secret.example");
        browser.choose("authenticationType", "Basic HTTP (BASIC_HTTP)");
        browser.type("username", "ops");
        browser.type("password", TOKEN);
        browser.click("#save");
        String uuid = browser.savedUuid("Credential");

        keepSource();
        browser.screenshot("form-secret-write-only");
        String passwordValue = browser.field("password").getAttribute("value");
        String placeholder = browser.field("password").getAttribute("placeholder");
        String type = browser.field("password").getAttribute("type");
        browser.type("username", "ops2");
        browser.click("#save");
        browser.waitForText("#form-alert", "Saved");
        keepSource();
        browser.go("/e/Credential", "#entities");
        keepSource();

        assertThat(passwordValue).isEmpty();
        assertThat(type).isEqualTo("password");
        assertThat(placeholder).contains("set");
        assertNoSecretIn(sources);
        assertThat(web.host().store().reveal(web.host().store().require("Credential", uuid))).as("saving other fields kept it")
                .containsEntry("password", TOKEN);
    }

    @Test
    void valuesAreShownAsTextNeverRunAsMarkup() {
        String hostile = "<img src=x id=injected onerror=\"document.title='pwned'\">";
        String uuid = api.post("/api/entities/ServiceProvider", Map.of("fields", Map.of("code", "xss-probe", "kind", "SCALEWAY",
                "description", hostile))).json().path("uuid").asText();

        browser.go("/e/ServiceProvider/" + uuid, "#entity-form");
        String shownInForm = browser.field("description").getAttribute("value");
        browser.go("/e/ServiceProvider?q=xss-probe", "#entities");
        String shownInList = browser.text("#entities");

        assertThat(shownInForm).isEqualTo(hostile);
        assertThat(shownInList).contains(hostile);
        assertThat(browser.driver().findElements(By.id("injected"))).isEmpty();
        assertThat(browser.driver().getTitle()).isEqualTo("mv-infra");
    }

    @Test
    void aLongPressShowsProgressAndLeavesThePageFree() {
        HoldUntilReleased.hold();
        String uuid = api.post("/api/entities/ServiceProvider", Map.of("fields", Map.of("code", "slow-provider", "kind", "OPENSTACK")))
                .json().path("uuid").asText();
        browser.go("/e/ServiceProvider/" + uuid, "[data-action='holdUntilReleased']");

        browser.click("[data-action='holdUntilReleased']");
        browser.waitForText("#press-result .progress", "Wait for the test is running");
        browser.waitForText("#press-result .press-progress", "waiting for the test to release it");
        browser.waitFor("#activity summary");
        browser.go("/e/DnsRecord", "h1");
        String header = browser.text("#activity summary");
        HoldUntilReleased.release();

        assertThat(header).contains("1 running");
        browser.waitForText("#toasts", "released");
        browser.waitUntilGone("#activity summary");
        assertThat(browser.text("#toasts")).contains("Wait for the test on Service provider");
        browser.click("#toasts .toast-close");
        browser.waitUntilGone("#toasts .toast");
    }

    private void keepSource() {
        sources.add(browser.pageSource());
    }

    private static void assertNoSecretIn(List<String> pageSources) {
        assertThat(pageSources).isNotEmpty();
        for (String source : pageSources) {
            assertThat(source).doesNotContain(TOKEN).doesNotContain("CANARY").doesNotContain("enc:v1:");
        }
    }
}
