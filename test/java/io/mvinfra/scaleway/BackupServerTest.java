package io.mvinfra.scaleway;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static support.Fixtures.fixture;

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
import support.FakeTime;

/** Server → "Back up" ({@link BackupServer}): an image of every volume, waited for, recorded with its snapshots. */
@WireMockTest
class BackupServerTest {

    private static final String ID = "1b7e2c1a-0000-4000-8000-000000000001";
    private static final String SERVER = "/instance/v1/zones/fr-par-1/servers/" + ID;
    private static final String IMAGE_ID = "e5f6a7b8-9999-4c1d-8e2f-3a4b5c6d7e8f";
    private static final String IMAGE = "/instance/v1/zones/fr-par-1/images/" + IMAGE_ID;

    private ScalewayTestbed scw;
    private String server;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        scw = ScalewayTestbed.at(wm.getHttpBaseUrl(), new FakeTime());
        server = scw.server("instanceName", "dev-web-1", "zone", "fr-par-1", "serverType", "DEV1-S", "providerSideId", ID,
                "allowedActions", List.of("poweroff", "backup"));
        stubFor(get(SERVER).willReturn(okJson(fixture("scaleway/server-dev-web-1.json"))));
        stubFor(post(SERVER + "/action").willReturn(okJson("{\"task\": {\"id\": \"b0c1d2e3-aaaa-4b1c-8d2e-3f4a5b6c7d8e\","
                + " \"description\": \"server_backup\", \"status\": \"pending\", \"href_from\": \"/servers/" + ID + "/action\","
                + " \"href_result\": \"/images/" + IMAGE_ID + "\"}}")));
        stubFor(get(IMAGE).inScenario("image").whenScenarioStateIs(STARTED).willSetStateTo("done").willReturn(okJson(image("creating"))));
        stubFor(get(IMAGE).inScenario("image").whenScenarioStateIs("done").willReturn(okJson(image("available"))));
    }

    @AfterEach
    void close() {
        scw.close();
    }

    private static String image(String state) {
        return "{\"image\": {\"id\": \"" + IMAGE_ID + "\", \"name\": \"before-upgrade\", \"arch\": \"x86_64\", \"from_server\": \"" + ID + "\","
                + " \"public\": false, \"state\": \"" + state + "\", \"zone\": \"fr-par-1\", \"tags\": [],"
                + " \"root_volume\": {\"id\": \"f0e1d2c3-bbbb-4a5b-8c7d-000000000001\", \"name\": \"before-upgrade-root\", \"size\": 20000000000,"
                + " \"volume_type\": \"l_ssd\"},"
                + " \"extra_volumes\": {\"1\": {\"id\": \"f0e1d2c3-bbbb-4a5b-8c7d-000000000002\", \"name\": \"before-upgrade-data\", \"size\": 0,"
                + " \"volume_type\": \"sbs_snapshot\"}}}}";
    }

    @Test
    void imagesEveryVolumeWaitsForTheImageAndRecordsItWithItsSnapshots() {
        PressResult result = scw.press("Server", "backupServer", server, Map.of("backupName", "before-upgrade"));

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).isEqualTo("Server dev-web-1 backed up as image before-upgrade (id " + IMAGE_ID + ") with 2 snapshots");
        verify(postRequestedFor(urlPathEqualTo(SERVER + "/action")).withRequestBody(equalToJson("{\"action\": \"backup\", \"name\": \"before-upgrade\"}")));
        StoredEntity image = scw.all("Image", "providerSideId", IMAGE_ID).get(0);
        assertThat(image.value("state")).isEqualTo("available");
        assertThat(image.value("fromServer")).isEqualTo(ID);
        assertThat(scw.all("Snapshot", "providerSideId", "f0e1d2c3-bbbb-4a5b-8c7d-000000000001")).singleElement()
                .satisfies(s -> assertThat(s.value("size")).isEqualTo(20_000_000_000L));
        assertThat(scw.all("Snapshot", "providerSideId", "f0e1d2c3-bbbb-4a5b-8c7d-000000000002")).hasSize(1);
        assertThat(scw.all("ServerAction", "server", server)).singleElement().satisfies(a -> {
            assertThat(a.value("action")).isEqualTo("backup");
            assertThat(a.value("outcome")).isEqualTo("success");
        });
    }

    @Test
    void anImageThatFailsIsKeptWithItsIdAndTheFailureRecorded() {
        stubFor(get(IMAGE).inScenario("image").whenScenarioStateIs("done").willReturn(okJson(image("error"))));

        PressResult result = scw.press("Server", "backupServer", server, Map.of("backupName", "before-upgrade"));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).contains("image before-upgrade went error");
        assertThat(scw.all("Image", "providerSideId", IMAGE_ID)).as("the image Scaleway made is kept, to be cleaned").hasSize(1);
        assertThat(scw.all("ServerAction", "server", server)).singleElement()
                .satisfies(a -> assertThat(a.value("outcome")).isEqualTo("failure"));
    }
}
