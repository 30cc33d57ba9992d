package io.mvinfra.scaleway;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static io.mvinfra.scaleway.ListPublicIpsTest.SERVER_ID;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.host.runtime.PressResult;
import io.mvinfra.scaleway.ScalewayTestbed.ScalewayError;

/** ServerUserData → "Delete from server" ({@link DeleteServerUserData}). */
@WireMockTest
class DeleteServerUserDataTest {

    private static final String ROLE = "/instance/v1/zones/fr-par-1/servers/" + SERVER_ID + "/user_data/role";

    private ScalewayTestbed scw;
    private String data;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        scw = ScalewayTestbed.at(wm.getHttpBaseUrl());
        String server = scw.server("instanceName", "dev-web-1", "serverType", "DEV1-S", "zone", "fr-par-1", "providerSideId", SERVER_ID);
        data = scw.userData(server, "name", "role", "content", "web");
    }

    @AfterEach
    void close() {
        scw.close();
    }

    @Test
    void deletesTheKeyFromTheServerThenHere() {
        stubFor(delete(ROLE).willReturn(noContent()));

        PressResult result = scw.press("ServerUserData", "deleteScalewayServerUserData", data);

        assertThat(result.message()).isEqualTo("User data role of server dev-web-1 deleted at Scaleway and removed here");
        verify(deleteRequestedFor(urlPathEqualTo(ROLE)));
        assertThat(scw.host.store().get("ServerUserData", data)).isEmpty();
    }

    @Test
    void aKeyAlreadyGoneIsRemovedHere() {
        stubFor(delete(ROLE).willReturn(ScalewayError.NOT_FOUND.answer()));

        PressResult result = scw.press("ServerUserData", "deleteScalewayServerUserData", data);

        assertThat(result.message()).isEqualTo("User data role of server dev-web-1 was already gone from Scaleway and removed here");
        assertThat(scw.host.store().get("ServerUserData", data)).isEmpty();
    }

    @Test
    void aRefusedPermissionKeepsTheKey() {
        stubFor(delete(ROLE).willReturn(ScalewayError.PERMISSIONS_DENIED.answer()));

        PressResult result = scw.press("ServerUserData", "deleteScalewayServerUserData", data);

        assertThat(result.message()).startsWith("Scaleway refused the request " + ScalewayError.PERMISSIONS_DENIED.told);
        assertThat(scw.host.store().get("ServerUserData", data)).isPresent();
    }
}
