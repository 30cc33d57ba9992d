package io.mvinfra.scaleway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static support.Fixtures.fixture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.host.runtime.AuditEntry.Outcome;
import io.mvinfra.host.runtime.PressResult;
import support.FakeTime;

/** Server → "Delete with volumes" ({@link DeleteScalewayServerWithVolumes}): terminate, waited for until the server is gone. */
@WireMockTest
class DeleteScalewayServerWithVolumesTest {

    private static final String ID = "1b7e2c1a-0000-4000-8000-000000000001";
    private static final String ROOT = "7a8b9c0d-5555-4e6f-8a9b-000000000001";
    private static final String SERVER = "/instance/v1/zones/fr-par-1/servers/" + ID;
    private static final String RUNNING = "{\"server\": {\"id\": \"" + ID + "\", \"name\": \"dev-web-1\", \"state\": \"running\", \"zone\": \"fr-par-1\","
            + " \"allowed_actions\": [\"poweroff\", \"terminate\", \"reboot\", \"stop_in_place\", \"backup\"],"
            + " \"volumes\": {\"0\": {\"id\": \"" + ROOT + "\", \"name\": \"dev-web-1-root\", \"size\": 20000000000, \"volume_type\": \"l_ssd\"}}}}";

    private ScalewayTestbed scw;
    private String server;
    private String root;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        scw = ScalewayTestbed.at(wm.getHttpBaseUrl(), new FakeTime());
        server = scw.server("instanceName", "dev-web-1", "zone", "fr-par-1", "serverType", "DEV1-S", "providerSideId", ID, "status", "running");
        root = scw.create("Volume", "name", "dev-web-1-root", "providerSideId", ROOT, "zone", "fr-par-1", "provider", scw.provider,
                "server", server, "volumeType", "l_ssd", "size", 20_000_000_000L);
    }

    @AfterEach
    void close() {
        scw.close();
    }

    @Test
    void terminatesWaitsUntilTheServerIsGoneAndMarksItAndItsVolumes() {
        stubFor(get(SERVER).inScenario("terminate").whenScenarioStateIs(STARTED).willReturn(okJson(RUNNING)));
        stubFor(post(SERVER + "/action").inScenario("terminate").whenScenarioStateIs(STARTED).willSetStateTo("stopping")
                .willReturn(okJson("{\"task\": {\"id\": \"t-terminate\", \"description\": \"server_terminate\", \"status\": \"pending\"}}")));
        stubFor(get(SERVER).inScenario("terminate").whenScenarioStateIs("stopping").willSetStateTo("gone")
                .willReturn(okJson(RUNNING.replace("\"state\": \"running\"", "\"state\": \"stopping\""))));
        stubFor(get(SERVER).inScenario("terminate").whenScenarioStateIs("gone").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody(fixture("scaleway/error-not-found.json"))));

        PressResult result = scw.press("Server", "deleteScalewayServerWithVolumes", server);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).isEqualTo("Server dev-web-1 terminated at Scaleway with its 1 volumes (id " + ID + "); kept here with 1"
                + " volume entities, marked as no longer at Scaleway");
        verify(postRequestedFor(urlPathEqualTo(SERVER + "/action")).withRequestBody(equalToJson("{\"action\": \"terminate\"}")));
        assertThat(scw.field("Server", server, "providerSideId")).isNull();
        assertThat(scw.field("Volume", root, "providerSideId")).isNull();
        assertThat(scw.all("ServerAction", "server", server)).singleElement().satisfies(a -> {
            assertThat(a.value("action")).isEqualTo("terminate");
            assertThat(a.value("outcome")).isEqualTo("success");
        });
    }

    @Test
    void aStoppedServerWhichTerminateRefusesIsDeletedThenEachOfItsVolumes() {
        stubFor(get(SERVER).willReturn(okJson(RUNNING.replace("\"state\": \"running\"", "\"state\": \"stopped\"")
                .replace("\"poweroff\", \"terminate\", \"reboot\", \"stop_in_place\", \"backup\"", "\"poweron\", \"backup\""))));
        stubFor(delete(SERVER).willReturn(noContent()));
        stubFor(delete("/instance/v1/zones/fr-par-1/volumes/" + ROOT).willReturn(noContent()));

        PressResult result = scw.press("Server", "deleteScalewayServerWithVolumes", server);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).startsWith("Server dev-web-1 deleted at Scaleway with its 1 volumes");
        verify(0, postRequestedFor(urlPathEqualTo(SERVER + "/action")));
        verify(deleteRequestedFor(urlPathEqualTo(SERVER)));
        verify(deleteRequestedFor(urlPathEqualTo("/instance/v1/zones/fr-par-1/volumes/" + ROOT)));
        assertThat(scw.field("Volume", root, "providerSideId")).isNull();
    }
}
