package io.mvinfra.scaleway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static support.Fixtures.fixture;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.host.runtime.AuditEntry.Outcome;
import io.mvinfra.host.runtime.PressResult;
import io.mvinfra.host.store.StoredEntity;

/** ServiceProvider → "List servers" ({@link ListScalewayServers}). */
@WireMockTest
class ListScalewayServersTest {

    private static final String PAR1 = "/instance/v1/zones/fr-par-1/servers";
    private static final String AMS1 = "/instance/v1/zones/nl-ams-1/servers";

    private ScalewayTestbed scw;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        scw = ScalewayTestbed.at(wm.getHttpBaseUrl());
    }

    @AfterEach
    void close() {
        scw.close();
    }

    private static void twoPagesInParisOneInAmsterdam() {
        stubFor(get(urlPathEqualTo(PAR1)).withQueryParam("page", equalTo("2"))
                .willReturn(page("servers-fr-par-1-page-2.json", 3)));
        stubFor(get(urlPathEqualTo(PAR1)).withQueryParam("page", absent())
                .willReturn(page("servers-fr-par-1-page-1.json", 3)
                        .withHeader("Link", "</servers?page=2&per_page=100>; rel=\"next\", </servers?page=2&per_page=100>; rel=\"last\"")));
        stubFor(get(urlPathEqualTo(AMS1)).willReturn(page("servers-nl-ams-1.json", 1)));
    }

    private static ResponseDefinitionBuilder page(String fixture, int total) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withHeader("X-Total-Count", String.valueOf(total))
                .withBody(fixture("scaleway/" + fixture));
    }

    @Test
    void storesEveryServerOfEveryZoneThatPassesTheNameFilter() {
        twoPagesInParisOneInAmsterdam();

        PressResult result = scw.press("ServiceProvider", "listScalewayServers", scw.provider);

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).isEqualTo("Servers of scw-main in fr-par-1, nl-ams-1: 3 listed: 3 new; 1 outside the name filter, not stored");
        List<StoredEntity> servers = scw.all("Server", "provider", scw.provider);
        assertThat(servers).extracting(s -> s.value("instanceName")).containsExactlyInAnyOrder("dev-web-1", "int-api-1", "dev-worker-1");
        StoredEntity web = servers.stream().filter(s -> "dev-web-1".equals(s.value("instanceName"))).findFirst().orElseThrow();
        assertThat(web.value("providerSideId")).isEqualTo("1b7e2c1a-0000-4000-8000-000000000001");
        assertThat(web.value("zone")).isEqualTo("fr-par-1");
        assertThat(web.value("serverType")).isEqualTo("DEV1-S");
        assertThat(web.value("status")).isEqualTo("running");
        assertThat(web.value("tags")).isEqualTo(List.of("web"));
        assertThat(web.value("allowedActions")).isEqualTo(List.of("poweroff", "terminate", "reboot", "stop_in_place", "backup"));
        verify(getRequestedFor(urlPathEqualTo(PAR1)).withHeader("X-Auth-Token", equalTo(ScalewayTestbed.SECRET_KEY))
                .withQueryParam("per_page", equalTo("100")));
    }

    @Test
    void aSecondListChangesNothingAndAServerGoneIsMarkedNotDeleted() {
        twoPagesInParisOneInAmsterdam();
        scw.press("ServiceProvider", "listScalewayServers", scw.provider);
        stubFor(get(urlPathEqualTo(AMS1)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader("X-Total-Count", "0").withBody("{\"servers\": []}")));

        PressResult again = scw.press("ServiceProvider", "listScalewayServers", scw.provider);

        assertThat(again.message()).isEqualTo("Servers of scw-main in fr-par-1, nl-ams-1: 2 listed: 2 unchanged; "
                + "1 no longer at the provider (kept, marked); 1 outside the name filter, not stored");
        StoredEntity worker = scw.all("Server", "instanceName", "dev-worker-1").get(0);
        assertThat(worker.value("missingAtProvider")).isEqualTo(Boolean.TRUE);
    }

    @Test
    void aServerEnteredByHandIsLinkedByZoneAndNameNotDuplicated() {
        twoPagesInParisOneInAmsterdam();
        String mine = scw.server("instanceName", "dev-web-1", "zone", "fr-par-1", "serverType", "DEV1-S");

        scw.press("ServiceProvider", "listScalewayServers", scw.provider);

        assertThat(scw.all("Server", "instanceName", "dev-web-1")).extracting(StoredEntity::uuid).containsExactly(mine);
        assertThat(scw.field("Server", mine, "providerSideId")).isEqualTo("1b7e2c1a-0000-4000-8000-000000000001");
    }

    @Test
    void aFailureInTheSecondZoneChangesNoEntity() {
        twoPagesInParisOneInAmsterdam();
        stubFor(get(urlPathEqualTo(AMS1)).willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                .withBody("{\"type\": \"service_unavailable\", \"message\": \"try later\"}")));
        List<Map<String, Object>> before = scw.snapshot("Server");

        PressResult result = scw.press("ServiceProvider", "listScalewayServers", scw.provider);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).startsWith("Scaleway").contains("503");
        assertThat(scw.snapshot("Server")).isEqualTo(before);
    }

    @Test
    void aProviderWithoutZonesIsRefusedNamingTheFieldBeforeAnyCall() {
        scw.update("ServiceProvider", scw.provider, "zones", List.of());

        PressResult result = scw.press("ServiceProvider", "listScalewayServers", scw.provider);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).isEqualTo("ServiceProvider.zones: is empty; give the Scaleway zones to work in, e.g. fr-par-1");
        verify(0, getRequestedFor(urlPathEqualTo(PAR1)));
    }
}
