package io.mvinfra.scaleway;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static io.mvinfra.scaleway.ListPublicIpsTest.SERVER_ID;
import static io.mvinfra.scaleway.ScalewayTestbed.answer;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.host.runtime.PressResult;
import io.mvinfra.scaleway.ScalewayTestbed.ScalewayError;

/** PublicIp → "Attach to server" ({@link AttachPublicIp}). */
@WireMockTest
class AttachPublicIpTest {

    private static final String IP_ID = "fd8f6fbc-0000-4000-8000-000000000001";
    private static final String IP = "/instance/v1/zones/fr-par-1/ips/" + IP_ID;
    private static final String SERVER = "/instance/v1/zones/fr-par-1/servers/" + SERVER_ID;

    private ScalewayTestbed scw;
    private String server;
    private String ip;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        scw = ScalewayTestbed.at(wm.getHttpBaseUrl());
        server = scw.server("instanceName", "dev-web-1", "serverType", "DEV1-S", "zone", "fr-par-1", "providerSideId", SERVER_ID);
        ip = scw.publicIp("providerSideId", IP_ID, "ipVFourAddress", "163.172.159.60", "zone", "fr-par-1", "server", server);
    }

    @AfterEach
    void close() {
        scw.close();
    }

    private static void serverHas(String publicIp) {
        stubFor(get(SERVER).willReturn(answer(200, """
                {"server": {"id": "%s", "name": "dev-web-1", "state": "running", "zone": "fr-par-1", "commercial_type": "DEV1-S",
                 "public_ip": %s, "tags": [], "allowed_actions": ["poweroff"]}}""".formatted(SERVER_ID, publicIp))));
    }

    @Test
    void attachesTheIpAndSaysWhichAddressItReplacedAndThatItsConnectionsAreCut() {
        serverHas("{\"id\": \"aaaaaaaa-0000-4000-8000-000000000001\", \"address\": \"51.15.10.20\", \"dynamic\": false}");
        stubFor(patch(urlPathEqualTo(IP)).willReturn(answer(200, "{\"ip\": " + ListPublicIpsTest.ip(IP_ID, "163.172.159.60", null,
                "routed_ipv4", SERVER_ID, "fr-par-1") + "}")));

        PressResult result = scw.press("PublicIp", "attachScalewayPublicIp", ip);

        assertThat(result.message()).isEqualTo("Public IP 163.172.159.60 attached to dev-web-1: it replaces 51.15.10.20, which no longer"
                + " reaches dev-web-1; connections to it are cut");
        verify(patchRequestedFor(urlPathEqualTo(IP)).withRequestBody(equalToJson("{\"server\": \"" + SERVER_ID + "\"}")));
        assertThat(scw.field("PublicIp", ip, "state")).isEqualTo("attached");
        assertThat(scw.field("PublicIp", ip, "server")).isEqualTo(server);
    }

    @Test
    void aDryRunSaysTheRequestAndTheWarningAndSendsNothing(WireMockRuntimeInfo wm) {
        serverHas("null");

        PressResult result = scw.dryRun("PublicIp", "attachScalewayPublicIp", ip);

        assertThat(result.message()).isEqualTo("Dry run: PATCH " + wm.getHttpBaseUrl() + IP + " {\"server\":\"" + SERVER_ID
                + "\"} (dev-web-1 had no public address)");
        verify(0, patchRequestedFor(urlPathEqualTo(IP)));
    }

    @Test
    void refusesWithoutAServerNamingTheField() {
        String loose = scw.publicIp("providerSideId", "fd8f6fbc-0000-4000-8000-000000000002", "zone", "fr-par-1");

        PressResult result = scw.press("PublicIp", "attachScalewayPublicIp", loose);

        assertThat(result.message()).isEqualTo("PublicIp.server: is empty; choose the server to attach Public IP"
                + " fd8f6fbc-0000-4000-8000-000000000002 to");
        verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void refusesAServerOfAnotherZone() {
        String amsterdam = scw.server("instanceName", "dev-db-1", "serverType", "DEV1-S", "zone", "nl-ams-1", "providerSideId", "1b7e2c1a-0000-4000-8000-000000000002");
        scw.update("PublicIp", ip, "server", amsterdam);

        PressResult result = scw.press("PublicIp", "attachScalewayPublicIp", ip);

        assertThat(result.message()).isEqualTo("PublicIp.server: dev-db-1 is in nl-ams-1, Public IP 163.172.159.60 in fr-par-1: an IP"
                + " attaches to a server of its own zone");
        verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void scalewaysRefusalReachesTheOperator() {
        serverHas("null");
        stubFor(patch(urlPathEqualTo(IP)).willReturn(ScalewayError.PERMISSIONS_DENIED.answer()));

        PressResult result = scw.press("PublicIp", "attachScalewayPublicIp", ip);

        assertThat(result.message()).startsWith("Scaleway refused the request " + ScalewayError.PERMISSIONS_DENIED.told);
    }
}
