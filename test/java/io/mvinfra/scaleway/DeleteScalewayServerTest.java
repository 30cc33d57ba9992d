package io.mvinfra.scaleway;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.host.runtime.AuditEntry.Outcome;
import io.mvinfra.host.runtime.PressResult;

/** Server → "Delete on Scaleway" ({@link DeleteScalewayServer}). */
@WireMockTest
class DeleteScalewayServerTest {

    private static final String ID = "1b7e2c1a-0000-4000-8000-000000000003";
    private static final String SERVER = "/instance/v1/zones/fr-par-1/servers/" + ID;

    private ScalewayTestbed scw;
    private String server;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        scw = ScalewayTestbed.at(wm.getHttpBaseUrl());
        server = scw.server("instanceName", "int-api-1", "zone", "fr-par-1", "serverType", "DEV1-S", "providerSideId", ID, "status", "stopped");
    }

    @AfterEach
    void close() {
        scw.close();
    }

    private static String serverIn(String state, String volumes) {
        return "{\"server\": {\"id\": \"" + ID + "\", \"name\": \"int-api-1\", \"commercial_type\": \"DEV1-S\", \"state\": \"" + state
                + "\", \"zone\": \"fr-par-1\", \"tags\": [], \"allowed_actions\": [], \"volumes\": {" + volumes + "}}}";
    }

    @Test
    void deletesAStoppedServerWithoutVolumesAndKeepsTheEntityMarked() {
        stubFor(get(SERVER).willReturn(okJson(serverIn("stopped", ""))));
        stubFor(delete(SERVER).willReturn(noContent()));

        PressResult result = scw.press("Server", "deleteScalewayServer", server);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).isEqualTo("Server int-api-1 deleted at Scaleway (id " + ID + "); kept here, marked as no longer at Scaleway");
        verify(deleteRequestedFor(urlPathEqualTo(SERVER)));
        assertThat(scw.field("Server", server, "providerSideId")).isNull();
        assertThat(scw.field("Server", server, "missingAtProvider")).isEqualTo(Boolean.TRUE);
    }

    @Test
    void aRunningServerIsRefusedPointingToPowerOffOrDeleteWithVolumes() {
        stubFor(get(SERVER).willReturn(okJson(serverIn("running", ""))));

        PressResult result = scw.press("Server", "deleteScalewayServer", server);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).isEqualTo("Server int-api-1 is running: power it off first, or use 'Delete with volumes', which terminates it");
        verify(0, deleteRequestedFor(anyUrl()));
    }

    @Test
    void aServerWithVolumesIsRefusedNamingThem() {
        stubFor(get(SERVER).willReturn(okJson(serverIn("stopped",
                "\"0\": {\"id\": \"7a8b9c0d-5555-4e6f-8a9b-000000000003\", \"name\": \"int-api-1-root\", \"size\": 20000000000, \"volume_type\": \"l_ssd\"}"))));

        PressResult result = scw.press("Server", "deleteScalewayServer", server);

        assertThat(result.message()).isEqualTo("Server int-api-1 still has its volumes int-api-1-root (7a8b9c0d-5555-4e6f-8a9b-000000000003):"
                + " detach them first, or use 'Delete with volumes' to delete them with it");
        verify(0, deleteRequestedFor(anyUrl()));
        verify(0, postRequestedFor(anyUrl()));
    }
}
