package io.mvinfra.scaleway;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static io.mvinfra.scaleway.ListPublicIpsTest.SERVER_ID;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.host.runtime.PressResult;
import io.mvinfra.scaleway.ScalewayTestbed.ScalewayError;

/** ServerUserData → "Set on server" ({@link SetServerUserData}). */
@WireMockTest
class SetServerUserDataTest {

    private static final String CLOUD_INIT = "/instance/v1/zones/fr-par-1/servers/" + SERVER_ID + "/user_data/cloud-init";
    private static final String CONFIG = "#cloud-config\npackages:\n  - nginx\n";

    private ScalewayTestbed scw;
    private String server;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        scw = ScalewayTestbed.at(wm.getHttpBaseUrl());
        server = scw.server("instanceName", "dev-web-1", "serverType", "DEV1-S", "zone", "fr-par-1", "providerSideId", SERVER_ID);
    }

    @AfterEach
    void close() {
        scw.close();
    }

    @Test
    void patchesTheValueAsPlainText() {
        stubFor(patch(CLOUD_INIT).willReturn(noContent()));
        String data = scw.userData(server, "name", "cloud-init", "content", CONFIG);

        PressResult result = scw.press("ServerUserData", "setScalewayServerUserData", data);

        assertThat(result.message()).isEqualTo("User data cloud-init set on server dev-web-1 (" + CONFIG.length() + " characters, text/plain)");
        verify(patchRequestedFor(urlPathEqualTo(CLOUD_INIT)).withHeader("Content-Type", equalTo("text/plain"))
                .withHeader("X-Auth-Token", equalTo(ScalewayTestbed.SECRET_KEY)).withRequestBody(equalTo(CONFIG)));
        assertThat(scw.field("ServerUserData", data, "zone")).isEqualTo("fr-par-1");
    }

    @Test
    void refusesAnotherContentTypeAndAKeyWithASlashNamingBothFields() {
        String data = scw.userData(server, "name", "cloud/init", "content", "{}", "contentType", "application/json");

        PressResult result = scw.press("ServerUserData", "setScalewayServerUserData", data);

        assertThat(result.message()).isEqualTo("ServerUserData.name: must be one word of printable characters without '/', is"
                + " 'cloud/init'; ServerUserData.contentType: must be text/plain, is application/json: Scaleway takes user data as plain"
                + " text only");
        verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void refusesAnEmptyValuePointingToDelete() {
        String data = scw.userData(server, "name", "cloud-init");

        PressResult result = scw.press("ServerUserData", "setScalewayServerUserData", data);

        assertThat(result.message()).isEqualTo("ServerUserData.content: is empty; to remove the key from the server, press 'Delete from server'");
        verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void refusesAServerNotAtScaleway() {
        String draft = scw.server("instanceName", "dev-new-1", "serverType", "DEV1-S", "zone", "fr-par-1");
        String data = scw.userData(draft, "name", "cloud-init", "content", CONFIG);

        PressResult result = scw.press("ServerUserData", "setScalewayServerUserData", data);

        assertThat(result.message()).isEqualTo("Server dev-new-1 is not at Scaleway yet: press 'List servers' or create it first");
        verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @EnumSource(value = ScalewayError.class, names = {"INVALID_ARGUMENTS", "NOT_FOUND", "PERMISSIONS_DENIED"})
    void scalewaysRefusalReachesTheOperator(ScalewayError error) {
        stubFor(patch(CLOUD_INIT).willReturn(error.answer()));
        String data = scw.userData(server, "name", "cloud-init", "content", CONFIG);

        PressResult result = scw.press("ServerUserData", "setScalewayServerUserData", data);

        assertThat(result.message()).startsWith("Scaleway refused the request " + error.told);
    }
}
