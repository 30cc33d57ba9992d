package io.mvinfra.scaleway;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static io.mvinfra.scaleway.ScalewayTestbed.page;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.host.runtime.AuditEntry.Outcome;
import io.mvinfra.host.runtime.PressResult;
import io.mvinfra.host.store.StoredEntity;
import io.mvinfra.scaleway.ScalewayTestbed.ScalewayError;

/** ServiceProvider → "List security groups" ({@link ListSecurityGroups}). */
@WireMockTest
class ListSecurityGroupsTest {

    private static final String PAR1 = "/instance/v1/zones/fr-par-1/security_groups";
    private static final String AMS1 = "/instance/v1/zones/nl-ams-1/security_groups";

    private ScalewayTestbed scw;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        scw = ScalewayTestbed.at(wm.getHttpBaseUrl());
    }

    @AfterEach
    void close() {
        scw.close();
    }

    static String group(String id, String name, String zone, String inbound, String... serverIds) {
        StringBuilder servers = new StringBuilder();
        for (String server : serverIds) {
            servers.append(servers.isEmpty() ? "" : ", ").append("{\"id\": \"").append(server).append("\", \"name\": \"dev-web-1\"}");
        }
        return """
                {"id": "%s", "creation_date": "2026-07-30T12:54:21.436730+00:00", "modification_date": "2026-07-30T12:54:21.436730+00:00",
                 "name": "%s", "description": null, "organization": "%s", "project": "%s", "servers": [%s], "stateful": true,
                 "inbound_default_policy": "%s", "outbound_default_policy": "accept", "organization_default": false,
                 "project_default": false, "enable_default_security": true, "state": "available", "tags": ["web"], "zone": "%s"}"""
                .formatted(id, name, ScalewayTestbed.PROJECT, ScalewayTestbed.PROJECT, servers, inbound, zone);
    }

    private static void twoPagesInParisOneInAmsterdam(String amsterdam) {
        stubFor(get(urlPathEqualTo(PAR1)).withQueryParam("page", absent()).willReturn(page("{\"security_groups\": ["
                + group("11111111-0000-4000-8000-000000000001", "web", "fr-par-1", "drop", "1b7e2c1a-0000-4000-8000-000000000001") + "]}", 2)
                .withHeader("Link", "</security_groups?page=2&per_page=1>; rel=\"next\", </security_groups?page=2&per_page=1>; rel=\"last\"")));
        stubFor(get(urlPathEqualTo(PAR1)).withQueryParam("page", equalTo("2")).willReturn(page("{\"security_groups\": ["
                + group("11111111-0000-4000-8000-000000000002", "Default security group", "fr-par-1", "accept") + "]}", 2)));
        stubFor(get(urlPathEqualTo(AMS1)).willReturn(page("{\"security_groups\": [" + amsterdam + "]}", amsterdam.isEmpty() ? 0 : 1)));
    }

    @Test
    void storesEveryGroupOfEveryZoneEveryPage() {
        twoPagesInParisOneInAmsterdam(group("11111111-0000-4000-8000-000000000003", "db", "nl-ams-1", "drop"));

        PressResult result = scw.press("ServiceProvider", "listScalewaySecurityGroups", scw.provider);

        assertThat(result.message()).isEqualTo("Security groups of scw-main in fr-par-1, nl-ams-1: 3 listed: 3 new");
        List<StoredEntity> groups = scw.all("SecurityGroup", "provider", scw.provider);
        assertThat(groups).extracting(g -> g.value("name")).containsExactlyInAnyOrder("web", "Default security group", "db");
        StoredEntity web = scw.all("SecurityGroup", "name", "web").get(0);
        assertThat(web.values()).containsEntry("providerSideId", "11111111-0000-4000-8000-000000000001")
                .containsEntry("zone", "fr-par-1").containsEntry("inboundDefaultPolicy", "drop").containsEntry("stateful", Boolean.TRUE)
                .containsEntry("servers", List.of("1b7e2c1a-0000-4000-8000-000000000001")).containsEntry("tags", List.of("web"))
                .containsEntry("state", "available").containsEntry("project", ScalewayTestbed.PROJECT);
        verify(getRequestedFor(urlPathEqualTo(PAR1)).withQueryParam("per_page", equalTo("100"))
                .withHeader("X-Auth-Token", equalTo(ScalewayTestbed.SECRET_KEY)));
    }

    @Test
    void aGroupGoneFromScalewayIsMarkedNotDeletedAndAGroupEnteredByHandIsLinked() {
        String mine = scw.securityGroup("name", "web", "zone", "fr-par-1");
        twoPagesInParisOneInAmsterdam(group("11111111-0000-4000-8000-000000000003", "db", "nl-ams-1", "drop"));
        scw.press("ServiceProvider", "listScalewaySecurityGroups", scw.provider);
        twoPagesInParisOneInAmsterdam("");

        PressResult again = scw.press("ServiceProvider", "listScalewaySecurityGroups", scw.provider);

        assertThat(again.message()).isEqualTo("Security groups of scw-main in fr-par-1, nl-ams-1: 2 listed: 2 unchanged; "
                + "1 no longer at the provider (kept, marked)");
        assertThat(scw.field("SecurityGroup", mine, "providerSideId")).isEqualTo("11111111-0000-4000-8000-000000000001");
        assertThat(scw.all("SecurityGroup", "name", "db").get(0).value("missingAtProvider")).isEqualTo(Boolean.TRUE);
    }

    @Test
    void aRefusalInTheSecondZoneChangesNoEntity() {
        twoPagesInParisOneInAmsterdam("");
        stubFor(get(urlPathEqualTo(AMS1)).willReturn(ScalewayError.PERMISSIONS_DENIED.answer()));
        List<Map<String, Object>> before = scw.snapshot("SecurityGroup");

        PressResult result = scw.press("ServiceProvider", "listScalewaySecurityGroups", scw.provider);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).startsWith("Scaleway refused the request " + ScalewayError.PERMISSIONS_DENIED.told);
        assertThat(scw.snapshot("SecurityGroup")).isEqualTo(before);
    }
}
