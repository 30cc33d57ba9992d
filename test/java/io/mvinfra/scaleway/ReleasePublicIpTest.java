package io.mvinfra.scaleway;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
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

/** PublicIp → "Release at Scaleway" ({@link ReleasePublicIp}). */
@WireMockTest
class ReleasePublicIpTest {

    private static final String IP_ID = "fd8f6fbc-0000-4000-8000-000000000001";
    private static final String IP = "/instance/v1/zones/fr-par-1/ips/" + IP_ID;

    private ScalewayTestbed scw;
    private String ip;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        scw = ScalewayTestbed.at(wm.getHttpBaseUrl());
        ip = scw.publicIp("providerSideId", IP_ID, "ipVFourAddress", "163.172.159.60", "zone", "fr-par-1");
    }

    @AfterEach
    void close() {
        scw.close();
    }

    @Test
    void releasesADetachedIpThenRemovesItHere() {
        stubFor(get(IP).willReturn(answer(200, "{\"ip\": " + ListPublicIpsTest.ip(IP_ID, "163.172.159.60", null, "routed_ipv4", null,
                "fr-par-1") + "}")));
        stubFor(delete(IP).willReturn(noContent()));

        PressResult result = scw.press("PublicIp", "releaseScalewayPublicIp", ip);

        assertThat(result.message()).isEqualTo("Public IP 163.172.159.60 released (deleted at Scaleway, id " + IP_ID + ") and removed here");
        verify(deleteRequestedFor(urlPathEqualTo(IP)));
        assertThat(scw.host.store().get("PublicIp", ip)).isEmpty();
    }

    @Test
    void refusesAnIpAServerStillUses() {
        stubFor(get(IP).willReturn(answer(200, "{\"ip\": " + ListPublicIpsTest.ip(IP_ID, "163.172.159.60", null, "routed_ipv4", SERVER_ID,
                "fr-par-1") + "}")));

        PressResult result = scw.press("PublicIp", "releaseScalewayPublicIp", ip);

        assertThat(result.message()).isEqualTo("Public IP 163.172.159.60 is attached to dev-web-1: detach it first");
        verify(0, deleteRequestedFor(urlPathEqualTo(IP)));
        assertThat(scw.host.store().get("PublicIp", ip)).isPresent();
    }

    @Test
    void anIpAlreadyGoneIsRemovedHere() {
        stubFor(get(IP).willReturn(ScalewayError.NOT_FOUND.answer()));

        PressResult result = scw.press("PublicIp", "releaseScalewayPublicIp", ip);

        assertThat(result.message()).isEqualTo("Public IP 163.172.159.60 released (was already gone from Scaleway, id " + IP_ID
                + ") and removed here");
        verify(0, deleteRequestedFor(urlPathEqualTo(IP)));
    }

    @Test
    void aRefusedPermissionKeepsTheIp() {
        stubFor(get(IP).willReturn(ScalewayError.PERMISSIONS_DENIED.answer()));

        PressResult result = scw.press("PublicIp", "releaseScalewayPublicIp", ip);

        assertThat(result.message()).startsWith("Scaleway refused the request " + ScalewayError.PERMISSIONS_DENIED.told);
        assertThat(scw.host.store().get("PublicIp", ip)).isPresent();
    }
}
