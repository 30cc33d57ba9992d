package io.mvinfra.scaleway;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
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

/** ServiceProvider → "List public IPs" ({@link ListPublicIps}). */
@WireMockTest
class ListPublicIpsTest {

    private static final String PAR1 = "/instance/v1/zones/fr-par-1/ips";
    private static final String AMS1 = "/instance/v1/zones/nl-ams-1/ips";
    static final String SERVER_ID = "1b7e2c1a-0000-4000-8000-000000000001";

    private ScalewayTestbed scw;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        scw = ScalewayTestbed.at(wm.getHttpBaseUrl());
    }

    @AfterEach
    void close() {
        scw.close();
    }

    /** A flexible IP as the Instance API answers it (terraform-provider-scaleway's ip-basic and ip-routed-ipv6 recordings). */
    static String ip(String id, String address, String prefix, String type, String serverId, String zone) {
        return """
                {"id": "%s", "address": %s, "prefix": %s, "reverse": null, "server": %s, "organization": "%s", "project": "%s",
                 "zone": "%s", "type": "%s", "state": "%s", "tags": [], "ipam_id": "%s"}"""
                .formatted(id, quoted(address), quoted(prefix), serverId == null ? "null" : "{\"id\": \"" + serverId + "\", \"name\": \"dev-web-1\"}",
                        ScalewayTestbed.PROJECT, ScalewayTestbed.PROJECT, zone, type, serverId == null ? "detached" : "attached", id);
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    @Test
    void storesEveryIpOfEveryZonePointingToItsServer() {
        String server = scw.server("instanceName", "dev-web-1", "serverType", "DEV1-S", "zone", "fr-par-1", "providerSideId", SERVER_ID);
        stubFor(get(urlPathEqualTo(PAR1)).willReturn(page("{\"ips\": [" + ip("fd8f6fbc-0000-4000-8000-000000000001", "163.172.159.60",
                null, "routed_ipv4", SERVER_ID, "fr-par-1") + "]}", 1)));
        stubFor(get(urlPathEqualTo(AMS1)).willReturn(page("{\"ips\": [" + ip("0c265f34-0000-4000-8000-000000000002", null,
                "2001:bc8:711:4b81::/64", "routed_ipv6", null, "nl-ams-1") + "]}", 1)));

        PressResult result = scw.press("ServiceProvider", "listScalewayPublicIps", scw.provider);

        assertThat(result.message()).isEqualTo("Public IPs of scw-main in fr-par-1, nl-ams-1: 2 listed: 2 new");
        StoredEntity v4 = scw.all("PublicIp", "providerSideId", "fd8f6fbc-0000-4000-8000-000000000001").get(0);
        assertThat(v4.values()).containsEntry("ipVFourAddress", "163.172.159.60").containsEntry("type", "routed_ipv4")
                .containsEntry("state", "attached").containsEntry("server", server).containsEntry("zone", "fr-par-1");
        StoredEntity v6 = scw.all("PublicIp", "providerSideId", "0c265f34-0000-4000-8000-000000000002").get(0);
        assertThat(v6.values()).containsEntry("prefix", "2001:bc8:711:4b81::/64").containsEntry("type", "routed_ipv6")
                .containsEntry("state", "detached").doesNotContainKey("ipVFourAddress").doesNotContainKey("server");
    }

    @Test
    void anIpDetachedMeanwhileLosesItsServerAndOneGoneIsMarked() {
        String server = scw.server("instanceName", "dev-web-1", "serverType", "DEV1-S", "zone", "fr-par-1", "providerSideId", SERVER_ID);
        String attached = scw.publicIp("providerSideId", "fd8f6fbc-0000-4000-8000-000000000001", "zone", "fr-par-1", "server", server);
        String gone = scw.publicIp("providerSideId", "fd8f6fbc-0000-4000-8000-000000000009", "zone", "nl-ams-1");
        stubFor(get(urlPathEqualTo(PAR1)).willReturn(page("{\"ips\": [" + ip("fd8f6fbc-0000-4000-8000-000000000001", "163.172.159.60",
                null, "routed_ipv4", null, "fr-par-1") + "]}", 1)));
        stubFor(get(urlPathEqualTo(AMS1)).willReturn(page("{\"ips\": []}", 0)));

        PressResult result = scw.press("ServiceProvider", "listScalewayPublicIps", scw.provider);

        assertThat(result.message()).endsWith("1 listed: 1 updated; 1 no longer at the provider (kept, marked)");
        assertThat(scw.field("PublicIp", attached, "server")).isNull();
        assertThat(scw.field("PublicIp", attached, "state")).isEqualTo("detached");
        assertThat(scw.field("PublicIp", gone, "missingAtProvider")).isEqualTo(Boolean.TRUE);
    }

    @Test
    void aRefusalChangesNoEntity() {
        stubFor(get(urlPathEqualTo(PAR1)).willReturn(page("{\"ips\": []}", 0)));
        stubFor(get(urlPathEqualTo(AMS1)).willReturn(ScalewayError.PERMISSIONS_DENIED.answer()));
        scw.publicIp("providerSideId", "fd8f6fbc-0000-4000-8000-000000000001", "zone", "fr-par-1");
        List<Map<String, Object>> before = scw.snapshot("PublicIp");

        PressResult result = scw.press("ServiceProvider", "listScalewayPublicIps", scw.provider);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(scw.snapshot("PublicIp")).isEqualTo(before);
    }
}
