package io.mvinfra.cloudflare;

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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static support.Fixtures.fixture;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.host.runtime.AuditEntry.Outcome;
import io.mvinfra.host.runtime.HostException;
import io.mvinfra.host.runtime.PressResult;
import io.mvinfra.host.store.StoredEntity;
import support.Stubs;

/** ServiceProvider or DomainName → "List Cloudflare domains" ({@link ListDomains}): two pages of zones. */
@WireMockTest
class ListDomainsTest {

    private static final String LIST = "listCloudflareDomains";

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
        return get(urlPathEqualTo("/zones")).withQueryParam("page", page == 1 ? absent() : equalTo(String.valueOf(page)));
    }

    private static void pages() {
        stubFor(page(1).willReturn(okJson(fixture("cloudflare/zones-page-1.json"))));
        stubFor(page(2).willReturn(okJson(fixture("cloudflare/zones-page-2.json"))));
    }

    private Map<String, Object> domain(String name) {
        return cf.all("DomainName", "name", name).stream().findFirst().map(StoredEntity::values).orElseThrow();
    }

    @Test
    void listsEveryZoneOfTheAccountIntoDomains() {
        pages();

        PressResult result = cf.press("ServiceProvider", LIST, cf.provider);

        assertThat(result.message()).isEqualTo("Cloudflare domains of cf-main: 3 listed: 2 new, 1 updated");
        assertThat(domain("example.org")).containsEntry("providerSideId", "9a7806061c88ada191ed06f989cc3dac")
                .containsEntry("tld", "org").containsEntry("status", "pending").containsEntry("registrar", cf.provider)
                .containsEntry("creationDate", Instant.parse("2024-03-01T10:00:00Z"));
        assertThat(domain("example.net")).containsEntry("status", "moved").containsEntry("registrar", cf.provider);
        assertThat(domain("example.com")).containsEntry("status", "active")
                .containsEntry("lastUpdate", Instant.parse("2024-02-01T08:00:00.5Z"));
        verify(getRequestedFor(urlPathEqualTo("/zones")).withQueryParam("per_page", equalTo("50")).withQueryParam("page", absent()));
        verify(getRequestedFor(urlPathEqualTo("/zones")).withQueryParam("per_page", equalTo("50")).withQueryParam("page", equalTo("2")));
    }

    @Test
    void pressedOnADomainListsTheZonesOfItsRegistrar() {
        pages();

        PressResult result = cf.press("DomainName", LIST, cf.domain);

        assertThat(result.message()).isEqualTo("Cloudflare domains of cf-main: 3 listed: 2 new, 1 updated");
        assertThat(cf.all("DomainName", "registrar", cf.provider)).hasSize(3);
    }

    @Test
    void pressedOnTheDomainListItListsEveryCloudflareProvider() {
        pages();

        PressResult result = cf.press("DomainName", LIST, null);

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).isEqualTo("Cloudflare domains of cf-main: 3 listed: 2 new, 1 updated");
        assertThat(cf.all("DomainName", "registrar", cf.provider)).hasSize(3);
    }

    @Test
    void aButtonOfOneEntityIsRefusedWithoutItsEntity() {
        assertThatThrownBy(() -> cf.press("DnsRecord", "createCloudflareDnsRecord", null))
                .isInstanceOf(HostException.class).hasMessage("button createCloudflareDnsRecord works on one DnsRecord: give its uuid");
    }

    @Test
    void linksADomainEnteredByHandByItsName() {
        pages();
        String byHand = cf.create("DomainName", Map.of("name", "Example.org", "registrar", cf.provider));

        PressResult result = cf.press("ServiceProvider", LIST, cf.provider);

        assertThat(result.message()).isEqualTo("Cloudflare domains of cf-main: 3 listed: 1 new, 1 linked, 1 updated");
        assertThat(cf.field("DomainName", byHand, "providerSideId")).isEqualTo("9a7806061c88ada191ed06f989cc3dac");
    }

    @Test
    void marksADomainWhoseZoneIsGoneAndKeepsIt() {
        pages();
        String gone = cf.create("DomainName", Map.of("name", "example.io", "registrar", cf.provider, "providerSideId", "ffffeeeeddddccccbbbbaaaa99998888"));

        PressResult result = cf.press("ServiceProvider", LIST, cf.provider);

        assertThat(result.message()).endsWith("; 1 no longer at the provider (kept, marked)");
        assertThat(cf.field("DomainName", gone, "missingAtProvider")).isEqualTo(true);
    }

    @Test
    void failureOnPage2ChangesNoDomain() {
        stubFor(page(1).willReturn(okJson(fixture("cloudflare/zones-page-1.json"))));
        stubFor(page(2).willReturn(aResponse().withStatus(403).withBody(fixture("cloudflare/error-token-not-allowed.json"))));
        List<Map<String, Object>> before = cf.snapshot("DomainName");

        PressResult result = cf.press("ServiceProvider", LIST, cf.provider);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).isEqualTo("Cloudflare refused the request (HTTP 403, 9109): Unauthorized to access requested resource");
        assertThat(cf.snapshot("DomainName")).isEqualTo(before);
    }

    @Test
    void aRateLimitedPageIsAskedAgain() {
        pages();
        Stubs.inTurn(() -> page(1), aResponse().withStatus(429).withHeader("Retry-After", "0")
                .withBody(fixture("cloudflare/error-rate-limited.json")), okJson(fixture("cloudflare/zones-page-1.json")));

        PressResult result = cf.press("ServiceProvider", LIST, cf.provider);

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
        verify(2, getRequestedFor(urlPathEqualTo("/zones")).withQueryParam("page", absent()));
    }

    @Test
    void aZoneStatusTheFieldDoesNotListLeavesTheStatusAsItWas() {
        stubFor(page(1).willReturn(okJson(fixture("cloudflare/zones-page-1.json").replace("\"active\"", "\"deactivated\""))));
        stubFor(page(2).willReturn(okJson(fixture("cloudflare/zones-page-2.json"))));
        cf.update("DomainName", cf.domain, "status", "active");

        PressResult result = cf.press("ServiceProvider", LIST, cf.provider);

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(cf.field("DomainName", cf.domain, "status")).isEqualTo("active");
    }

    @Test
    void isOfferedOnCloudflareProvidersOnly() {
        String scaleway = cf.create("ServiceProvider", Map.of("code", "scw", "kind", "SCALEWAY"));

        PressResult result = cf.press("ServiceProvider", LIST, scaleway);

        assertThat(result.outcome()).isEqualTo(Outcome.REFUSED);
    }
}
