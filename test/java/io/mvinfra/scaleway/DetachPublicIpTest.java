package io.mvinfra.scaleway;

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

/** PublicIp → "Detach from server" ({@link DetachPublicIp}). */
@WireMockTest
class DetachPublicIpTest {

    private static final String IP_ID = "fd8f6fbc-0000-4000-8000-000000000001";
    private static final String IP = "/instance/v1/zones/fr-par-1/ips/" + IP_ID;

    private ScalewayTestbed scw;
    private String ip;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        scw = ScalewayTestbed.at(wm.getHttpBaseUrl());
        String server = scw.server("instanceName", "dev-web-1", "serverType", "DEV1-S", "zone", "fr-par-1", "providerSideId", SERVER_ID);
        ip = scw.publicIp("providerSideId", IP_ID, "ipVFourAddress", "163.172.159.60", "zone", "fr-par-1", "server", server,
                "state", "attached");
    }

    @AfterEach
    void close() {
        scw.close();
    }

    private static String answered(String serverId) {
        return "{\"ip\": " + ListPublicIpsTest.ip(IP_ID, "163.172.159.60", null, "routed_ipv4", serverId, "fr-par-1") + "}";
    }

    @Test
    void detachesWithANullServerAndForgetsTheServerHere() {
        stubFor(get(IP).willReturn(answer(200, answered(SERVER_ID))));
        stubFor(patch(urlPathEqualTo(IP)).willReturn(answer(200, answered(null))));

        PressResult result = scw.press("PublicIp", "detachScalewayPublicIp", ip);

        assertThat(result.message()).isEqualTo("Public IP 163.172.159.60 detached from dev-web-1: the server no longer answers on it;"
                + " the IP stays reserved");
        verify(patchRequestedFor(urlPathEqualTo(IP)).withRequestBody(equalToJson("{\"server\": null}")));
        assertThat(scw.field("PublicIp", ip, "server")).isNull();
        assertThat(scw.field("PublicIp", ip, "state")).isEqualTo("detached");
    }

    @Test
    void anIpAttachedToNothingSendsNothing() {
        stubFor(get(IP).willReturn(answer(200, answered(null))));

        PressResult result = scw.press("PublicIp", "detachScalewayPublicIp", ip);

        assertThat(result.message()).isEqualTo("Public IP 163.172.159.60 is attached to no server: nothing to send");
        verify(0, patchRequestedFor(urlPathEqualTo(IP)));
        assertThat(scw.field("PublicIp", ip, "server")).isNull();
    }

    @Test
    void anIpGoneFromScalewayIsSaidSo() {
        stubFor(get(IP).willReturn(ScalewayError.NOT_FOUND.answer()));

        PressResult result = scw.press("PublicIp", "detachScalewayPublicIp", ip);

        assertThat(result.message()).isEqualTo("Public IP 163.172.159.60 (id " + IP_ID + ") is no longer at Scaleway: press 'List public"
                + " IPs' on its provider");
    }
}
