package io.mvinfra.scaleway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static io.mvinfra.scaleway.ListPublicIpsTest.SERVER_ID;
import static io.mvinfra.scaleway.ScalewayTestbed.answer;
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

/** Server → "List user data" ({@link ListServerUserData}). */
@WireMockTest
class ListServerUserDataTest {

    private static final String USER_DATA = "/instance/v1/zones/fr-par-1/servers/" + SERVER_ID + "/user_data";
    private static final String CLOUD_INIT = "#cloud-config\npackages:\n  - nginx\n";

    private ScalewayTestbed scw;
    private String server;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        scw = ScalewayTestbed.at(wm.getHttpBaseUrl());
        server = scw.server("instanceName", "dev-web-1", "serverType", "DEV1-S", "zone", "fr-par-1", "providerSideId", SERVER_ID);
        stubFor(get(USER_DATA).willReturn(answer(200, "{\"user_data\": [\"cloud-init\", \"role\"]}")));
        stubFor(get(USER_DATA + "/cloud-init").willReturn(aResponse().withHeader("Content-Type", "text/plain").withBody(CLOUD_INIT)));
        stubFor(get(USER_DATA + "/role").willReturn(aResponse().withHeader("Content-Type", "text/plain").withBody("web")));
    }

    @AfterEach
    void close() {
        scw.close();
    }

    @Test
    void storesEveryKeyOfTheServerWithItsValue() {
        PressResult result = scw.press("Server", "listScalewayServerUserData", server);

        assertThat(result.message()).isEqualTo("User data of server dev-web-1: 2 listed: 2 new");
        StoredEntity cloudInit = scw.all("ServerUserData", "name", "cloud-init").get(0);
        assertThat(cloudInit.values()).containsEntry("server", server).containsEntry("content", CLOUD_INIT)
                .containsEntry("contentType", "text/plain").containsEntry("zone", "fr-par-1");
    }

    @Test
    void aKeyEnteredHereIsMatchedByNameAndOneGoneFromTheServerIsMarked() {
        String role = scw.userData(server, "name", "role", "content", "db");
        String gone = scw.userData(server, "name", "motd", "content", "hello");

        PressResult result = scw.press("Server", "listScalewayServerUserData", server);

        assertThat(result.message()).isEqualTo("User data of server dev-web-1: 2 listed: 1 new, 1 updated; 1 no longer at the provider"
                + " (kept, marked)");
        assertThat(scw.field("ServerUserData", role, "content")).isEqualTo("web");
        assertThat(scw.field("ServerUserData", gone, "missingAtProvider")).isEqualTo(Boolean.TRUE);
    }

    @Test
    void aValueThatFailsToArriveChangesNoEntity() {
        stubFor(get(USER_DATA + "/role").willReturn(ScalewayError.PERMISSIONS_DENIED.answer()));
        scw.userData(server, "name", "role", "content", "db");
        List<Map<String, Object>> before = scw.snapshot("ServerUserData");

        PressResult result = scw.press("Server", "listScalewayServerUserData", server);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).startsWith("Scaleway refused the request " + ScalewayError.PERMISSIONS_DENIED.told);
        assertThat(scw.snapshot("ServerUserData")).isEqualTo(before);
    }
}
