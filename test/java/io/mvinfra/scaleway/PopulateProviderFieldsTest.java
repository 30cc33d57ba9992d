package io.mvinfra.scaleway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static support.Fixtures.fixture;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.host.runtime.AuditEntry.Outcome;
import io.mvinfra.host.runtime.PressResult;

/** ServiceProvider → "Populate provider fields" ({@link PopulateProviderFields}). */
@WireMockTest
class PopulateProviderFieldsTest {

    private ScalewayTestbed scw;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        scw = ScalewayTestbed.at(wm.getHttpBaseUrl());
        for (String zone : new String[] {"fr-par-1", "nl-ams-1"}) {
            stubFor(get(urlPathEqualTo("/instance/v1/zones/" + zone + "/products/servers"))
                    .willReturn(okJson(fixture("scaleway/products-servers.json")).withHeader("X-Total-Count", "3")));
        }
        stubFor(get(urlPathEqualTo("/instance/v1/zones/fr-par-1/servers")).willReturn(okJson(fixture("scaleway/servers-fr-par-1-page-1.json"))
                .withHeader("X-Total-Count", "3").withHeader("Link", "</servers?page=2&per_page=100>; rel=\"next\"")));
        stubFor(get(urlPathEqualTo("/instance/v1/zones/fr-par-1/servers")).withQueryParam("page", equalTo("2"))
                .willReturn(okJson(fixture("scaleway/servers-fr-par-1-page-2.json")).withHeader("X-Total-Count", "3")));
        stubFor(get(urlPathEqualTo("/instance/v1/zones/nl-ams-1/servers")).willReturn(okJson(fixture("scaleway/servers-nl-ams-1.json"))
                .withHeader("X-Total-Count", "1")));
        for (String zone : new String[] {"fr-par-1", "nl-ams-1"}) {
            boolean paris = zone.equals("fr-par-1");
            stubFor(get(urlPathEqualTo("/instance/v1/zones/" + zone + "/images")).willReturn(okJson(paris
                    ? "{\"images\": [{\"id\": \"e5f6a7b8-9999-4c1d-8e2f-3a4b5c6d7e8f\", \"name\": \"web-gold\", \"state\": \"available\"}]}"
                    : "{\"images\": []}").withHeader("X-Total-Count", paris ? "1" : "0")));
            stubFor(get(urlPathEqualTo("/instance/v1/zones/" + zone + "/ips")).willReturn(okJson(paris
                    ? "{\"ips\": [{\"id\": \"5f6e7d8c-4444-4d3e-9f2a-1b0c9d8e7f6a\", \"address\": \"51.15.201.11\", \"type\": \"routed_ipv4\"}]}"
                    : "{\"ips\": []}").withHeader("X-Total-Count", paris ? "1" : "0")));
            stubFor(get(urlPathEqualTo("/instance/v1/zones/" + zone + "/security_groups")).willReturn(okJson(paris
                    ? "{\"security_groups\": [{\"id\": \"e1f2a3b4-6666-4f5a-8b7c-9d0e1f2a3b4c\", \"name\": \"Default security group\"}]}"
                    : "{\"security_groups\": []}").withHeader("X-Total-Count", paris ? "1" : "0")));
            stubFor(get(urlPathEqualTo("/block/v1/zones/" + zone + "/volumes")).willReturn(okJson("{\"volumes\": [], \"total_count\": 0}")));
        }
    }

    @AfterEach
    void close() {
        scw.close();
    }

    @Test
    void keepsEachZonesServerTypesWithPricesAndConstraintsAndWhatTheServersCost() throws Exception {
        PressResult result = scw.press("ServiceProvider", "populateProviderFields", scw.provider);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        // dev-web-1 and int-api-1 are DEV1-S (7.227 a month), dev-worker-1 a DEV1-M (14.60); prod-db-1 is outside the filter
        assertThat(result.message()).isEqualTo("scw-main: 6 server types, 1 images, 1 flexible IPs, 1 security groups and 0 volumes in fr-par-1,"
                + " nl-ams-1; its 3 servers cost about €29.05 a month");
        assertThat(scw.field("ServiceProvider", scw.provider, "monthlyTotal")).isEqualTo(29.05);
        assertThat(scw.field("ServiceProvider", scw.provider, "providerImages")).isEqualTo(Map.of("fr-par-1:e5f6a7b8-9999-4c1d-8e2f-3a4b5c6d7e8f", "web-gold"));
        assertThat(scw.field("ServiceProvider", scw.provider, "publicIp")).isEqualTo(List.of("51.15.201.11"));
        @SuppressWarnings("unchecked")
        Map<String, Object> types = (Map<String, Object>) scw.field("ServiceProvider", scw.provider, "providerServerTypes");
        assertThat(types).containsOnlyKeys("fr-par-1:DEV1-S", "fr-par-1:DEV1-M", "fr-par-1:GP1-XS", "nl-ams-1:DEV1-S", "nl-ams-1:DEV1-M",
                "nl-ams-1:GP1-XS");
        JsonNode dev1s = new ObjectMapper().readTree((String) types.get("fr-par-1:DEV1-S"));
        assertThat(dev1s.path("hourly_price").asDouble()).isEqualTo(0.0099);
        assertThat(dev1s.path("monthly_price").asDouble()).isEqualTo(7.227);
        assertThat(dev1s.path("ncpus").asInt()).isEqualTo(2);
        assertThat(dev1s.path("ram").asLong()).isEqualTo(2_147_483_648L);
        assertThat(dev1s.path("per_volume_constraint").path("l_ssd").path("max_size").asLong()).isEqualTo(20_000_000_000L);
        assertThat(dev1s.path("volumes_constraint").path("max_size").asLong()).isEqualTo(20_000_000_000L);
    }

    @Test
    void aFailedZoneChangesNothing() {
        stubFor(get(urlPathEqualTo("/instance/v1/zones/nl-ams-1/products/servers")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody(fixture("scaleway/error-permissions-denied.json"))));

        PressResult result = scw.press("ServiceProvider", "populateProviderFields", scw.provider);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).startsWith("Scaleway refused the request (HTTP 403, permissions_denied)");
        assertThat(scw.field("ServiceProvider", scw.provider, "providerServerTypes")).isNull();
        assertThat(scw.field("ServiceProvider", scw.provider, "monthlyTotal")).isNull();
    }
}
