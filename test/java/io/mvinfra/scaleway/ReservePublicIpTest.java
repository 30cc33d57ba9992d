package io.mvinfra.scaleway;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static io.mvinfra.scaleway.ScalewayTestbed.answer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.host.runtime.PressResult;
import io.mvinfra.scaleway.ScalewayTestbed.ScalewayError;

/** PublicIp → "Reserve at Scaleway" ({@link ReservePublicIp}). */
@WireMockTest
class ReservePublicIpTest {

    private static final String IPS = "/instance/v1/zones/fr-par-1/ips";

    private ScalewayTestbed scw;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        scw = ScalewayTestbed.at(wm.getHttpBaseUrl());
    }

    @AfterEach
    void close() {
        scw.close();
    }

    @Test
    void reservesARoutedIpv4InTheCredentialsProject() {
        stubFor(post(IPS).willReturn(answer(201, "{\"ip\": " + ListPublicIpsTest.ip("fd8f6fbc-0000-4000-8000-000000000001",
                "163.172.159.60", null, "routed_ipv4", null, "fr-par-1") + "}")));
        String ip = scw.publicIp("zone", "fr-par-1", "tags", List.of("web"));

        PressResult result = scw.press("PublicIp", "reserveScalewayPublicIp", ip);

        assertThat(result.message()).isEqualTo("Public IP 163.172.159.60 (routed_ipv4) reserved in fr-par-1, detached"
                + " (id fd8f6fbc-0000-4000-8000-000000000001)");
        verify(postRequestedFor(urlPathEqualTo(IPS)).withHeader("Content-Type", containing("application/json"))
                .withRequestBody(equalToJson("{\"project\": \"" + ScalewayTestbed.PROJECT + "\", \"tags\": [\"web\"], \"type\": \"routed_ipv4\"}")));
        assertThat(scw.field("PublicIp", ip, "ipVFourAddress")).isEqualTo("163.172.159.60");
        assertThat(scw.field("PublicIp", ip, "state")).isEqualTo("detached");
    }

    @Test
    void reservesARoutedIpv6PrefixInTheProvidersFirstZone() {
        stubFor(post(IPS).willReturn(answer(201, "{\"ip\": " + ListPublicIpsTest.ip("0c265f34-0000-4000-8000-000000000002", null,
                "2001:bc8:711:4b81::/64", "routed_ipv6", null, "fr-par-1") + "}")));
        String ip = scw.publicIp("type", "routed_ipv6", "project", "11111111-2222-4333-8444-555555555555");

        PressResult result = scw.press("PublicIp", "reserveScalewayPublicIp", ip);

        assertThat(result.message()).startsWith("Public IP 2001:bc8:711:4b81::/64 (routed_ipv6) reserved in fr-par-1");
        verify(postRequestedFor(urlPathEqualTo(IPS)).withRequestBody(equalToJson(
                "{\"project\": \"11111111-2222-4333-8444-555555555555\", \"type\": \"routed_ipv6\"}")));
        assertThat(scw.field("PublicIp", ip, "prefix")).isEqualTo("2001:bc8:711:4b81::/64");
    }

    @Test
    void refusesWithoutAProjectAndWithAServerNamingBothFields() {
        scw.update("Credential", scw.credential, "projectId", "");
        String server = scw.server("instanceName", "dev-web-1", "serverType", "DEV1-S", "zone", "fr-par-1");
        String ip = scw.publicIp("server", server);

        PressResult result = scw.press("PublicIp", "reserveScalewayPublicIp", ip);

        assertThat(result.message()).isEqualTo("PublicIp.project: is empty and the provider's credential has no projectId: Scaleway"
                + " reserves an IP in a project; PublicIp.server: is set: reserve the IP first, then attach it with 'Attach to server'");
        verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void refusesAZoneScalewayDoesNotServe() {
        String ip = scw.publicIp("zone", "fr-par-9");

        PressResult result = scw.press("PublicIp", "reserveScalewayPublicIp", ip);

        assertThat(result.message()).startsWith("PublicIp.zone: fr-par-9 is not a Scaleway zone");
        verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @EnumSource(value = ScalewayError.class, names = {"INVALID_ARGUMENTS", "QUOTAS_EXCEEDED", "PERMISSIONS_DENIED"})
    void scalewaysRefusalReachesTheOperatorWithItsTypeAndDetails(ScalewayError error) {
        stubFor(post(IPS).willReturn(error.answer()));
        String ip = scw.publicIp("zone", "fr-par-1");

        PressResult result = scw.press("PublicIp", "reserveScalewayPublicIp", ip);

        assertThat(result.message()).startsWith("Scaleway refused the request " + error.told);
        assertThat(scw.field("PublicIp", ip, "providerSideId")).isNull();
    }
}
