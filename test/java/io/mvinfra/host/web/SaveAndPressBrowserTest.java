package io.mvinfra.host.web;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static support.Fixtures.fixture;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * The entity page with the rules of its buttons at save, "Save and press", and the mark of local changes not pushed
 * to the provider, in the real headless browser against a Cloudflare stub. Screenshots land in target/screenshots/.
 */
class SaveAndPressBrowserTest {
    private static final String ZONE_ID = CloudflareWeb.ZONE_ID;
    private static final String RECORD_ID = CloudflareWeb.RECORD_ID;
    private static final String RECORD_PATH = "/client/v4/zones/" + ZONE_ID + "/dns_records/" + RECORD_ID;

    private static CloudflareWeb cf;
    private static WireMockServer cloudflare;
    private static ApiClient api;
    private static Browser browser;
    private static String zone;

    @BeforeAll
    static void start() {
        cf = CloudflareWeb.withBrowser();
        cloudflare = cf.cloudflare;
        api = cf.api;
        browser = cf.browser;
        zone = cf.zone("example.com", "cf-save-press");
    }

    @AfterAll
    static void stop() {
        if (cf != null) {
            cf.close();
        }
    }

    @BeforeEach
    void resetStub() {
        cloudflare.resetAll();
    }

    @Test
    void aTtlOfThirtyAndAnMxWithoutPriorityAreRefusedAtSaveUnderTheirFields() {
        long before = api.get("/api/entities/DnsRecord").json().path("total").asLong();
        browser.go("/e/DnsRecord/new", "#entity-form");
        browser.choose("domainName", "example.com");
        browser.choose("recordType", "A");
        browser.type("name", "ttl30");
        browser.type("value", "198.51.100.30");
        browser.type("ttl", "30");
        browser.click("#save");

        browser.waitForText("#f-ttl-error", "must be 1 (automatic) or 60 to 86400 seconds, is 30");
        assertThat(browser.driver().getCurrentUrl()).as("nothing saved: the form stays").endsWith("/new");
        assertThat(browser.text("#form-alert")).contains("Please correct the field marked below");
        browser.screenshot("form-rule-at-save");

        browser.choose("recordType", "MX");
        browser.type("name", "@");
        browser.type("value", "mail.example.com");
        browser.type("ttl", "300");
        browser.click("#save");

        browser.waitForText("#f-priority-error", "is required for type MX");
        assertThat(browser.driver().findElement(By.cssSelector("#f-ttl-error")).getText()).as("the TTL is right now").isEmpty();
        assertThat(api.get("/api/entities/DnsRecord").json().path("total").asLong()).as("nothing saved").isEqualTo(before);
    }

    @Test
    void saveAndPressSavesThenPressesOnTheSavedValuesAndTheUnpushedMarkComesAndGoes() {
        cloudflare.stubFor(post(urlEqualTo("/client/v4/zones/" + ZONE_ID + "/dns_records"))
                .willReturn(okJson(fixture("cloudflare/dns-record-www-created.json"))));
        String record = api.post("/api/entities/DnsRecord", Map.of("fields", Map.of("domainName", zone, "recordType", "A",
                "name", "www", "value", "198.51.100.4", "ttl", 300, "comment", "front door"))).json().path("uuid").asText();
        api.post("/api/entities/DnsRecord/" + record + "/actions/createCloudflareDnsRecord?wait=20", Map.of());
        boolean markedAfterCreate = api.get("/api/entities/DnsRecord/" + record).json().has("unpushed");

        browser.go("/e/DnsRecord/" + record, "[data-action='updateCloudflareDnsRecord']");
        boolean markShownAfterCreate = browser.driver().findElement(By.cssSelector("#unpushed")).isDisplayed();
        browser.type("ttl", "3600");
        browser.click("#save");
        browser.waitForText("#unpushed", "local changes not pushed to Cloudflare");
        String mark = browser.text("#unpushed");
        browser.screenshot("unpushed-mark");
        browser.go("/e/DnsRecord", "#entities");
        String listRow = browser.text("#entities tr[data-uuid='" + record + "']");
        browser.screenshot("unpushed-in-list");

        String updated = fixture("cloudflare/dns-record-www-created.json").replace("\"ttl\": 300", "\"ttl\": 3600")
                .replace("front door", "side door");
        cloudflare.stubFor(get(urlEqualTo(RECORD_PATH)).willReturn(okJson(fixture("cloudflare/dns-record-www-created.json")
                .replace("\"ttl\": 300", "\"ttl\": 3600"))));
        cloudflare.stubFor(patch(urlEqualTo(RECORD_PATH)).willReturn(okJson(updated)));
        browser.go("/e/DnsRecord/" + record, "[data-action='updateCloudflareDnsRecord']");
        browser.type("comment", "side door");
        browser.waitFor("#save-and-press-box");
        new Select(browser.waitFor("#save-and-press-button")).selectByValue("updateCloudflareDnsRecord");
        browser.click("#save-and-press");

        browser.waitForText("#press-result", "Saved, then Update on Cloudflare");
        browser.waitForText("#press-result", "updated");
        browser.waitUntilGone("#unpushed:not([hidden])");
        browser.screenshot("save-and-press");

        assertThat(markedAfterCreate).as("right after the create the entity is what Cloudflare answered").isFalse();
        assertThat(markShownAfterCreate).isFalse();
        assertThat(mark).contains("ttl differs from what Cloudflare last answered");
        assertThat(listRow).contains("local changes not pushed to Cloudflare");
        assertThat(browser.driver().findElement(By.cssSelector("#form-alert")).getText()).as("one banner: the press's").isEmpty();
        assertThat(browser.text("#press-result .alert")).contains("comment");
        cloudflare.verify(patchRequestedFor(urlEqualTo(RECORD_PATH)).withRequestBody(equalToJson("{\"comment\": \"side door\"}")));
        assertThat(api.get("/api/entities/DnsRecord/" + record).json().path("fields").path("comment").asText()).isEqualTo("side door");
        assertThat(api.get("/api/entities/DnsRecord/" + record).json().has("unpushed")).isFalse();
    }

    @Test
    void aPressesBannerLinksToTheEntitiesItWroteEachByItsName() {
        String records = "/client/v4/zones/" + ZONE_ID + "/dns_records";
        cloudflare.stubFor(get(urlPathEqualTo(records)).withQueryParam("page", absent())
                .willReturn(okJson(fixture("cloudflare/dns-records-page-1.json"))));
        cloudflare.stubFor(get(urlPathEqualTo(records)).withQueryParam("page", equalTo("2"))
                .willReturn(okJson(fixture("cloudflare/dns-records-page-2.json"))));
        cloudflare.stubFor(get(urlPathEqualTo(records)).withQueryParam("page", equalTo("3"))
                .willReturn(okJson(fixture("cloudflare/dns-records-page-3.json"))));

        browser.go("/e/DomainName/" + zone, "[data-action='listCloudflareDnsRecords']");
        browser.click("[data-action='listCloudflareDnsRecords']");
        browser.waitFor("#press-result .press-changes");
        String banner = browser.text("#press-result .press-changes");
        browser.screenshot("press-result-links");
        browser.click("#press-result .press-changes a.entity-link[href*='DnsRecord']");
        browser.waitFor("#entity-form");

        assertThat(banner).contains("Created DNS record api.example.com").contains("Created DNS record mail.example.com");
        String opened = browser.driver().getCurrentUrl();
        String uuid = opened.substring(opened.lastIndexOf('/') + 1);
        assertThat(api.get("/api/entities/DnsRecord/" + uuid).json().path("fields").path("domainName").asText())
                .as("the link opens a record the press wrote").isEqualTo(zone);
        assertThat(browser.text("h1")).isEqualTo(api.get("/api/entities/DnsRecord/" + uuid).json().path("label").asText());
    }

    @Test
    void aPlainPressUsesTheSavedValuesNotWhatIsTypedAndKeepsTheTyping() {
        String record = api.post("/api/entities/DnsRecord", Map.of("fields", Map.of("domainName", zone, "recordType", "A",
                "name", "plain", "value", "192.0.2.10", "ttl", 300, "providerSideId", RECORD_ID))).json().path("uuid").asText();
        cloudflare.stubFor(get(urlEqualTo(RECORD_PATH)).willReturn(okJson(fixture("cloudflare/dns-record-ttl-300.json")
                .replace("www.example.com", "plain.example.com"))));

        browser.go("/e/DnsRecord/" + record, "[data-action='updateCloudflareDnsRecord']");
        browser.waitForText("h1", "plain");
        browser.waitForText("#buttons", "Dry run");
        browser.type("comment", "typed, not saved");
        String hint = browser.text("#buttons .field-hint");
        browser.click("[data-action='updateCloudflareDnsRecord']");
        browser.waitForText("#press-result", "already matches Cloudflare: nothing to send");

        assertThat(hint).contains("Save and press");
        cloudflare.verify(0, patchRequestedFor(urlEqualTo(RECORD_PATH)));
        assertThat(browser.field("comment").getAttribute("value")).as("the typing is kept").isEqualTo("typed, not saved");
        assertThat(api.get("/api/entities/DnsRecord/" + record).json().path("fields").has("comment")).isFalse();
        browser.script("window.location.hash = '#/'");
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(15))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent()).accept();   // leaving the typing behind
    }
}
