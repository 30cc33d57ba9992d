package io.mvinfra.scaleway;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static io.mvinfra.scaleway.ScalewayTestbed.answer;
import static io.mvinfra.scaleway.ScalewayTestbed.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.host.runtime.AuditEntry.Outcome;
import io.mvinfra.host.runtime.PressResult;

/** Volume → "Delete on Scaleway" ({@link DeleteVolume}): refused while a server that is not stopped holds it. */
@WireMockTest
class DeleteVolumeTest {

    private static final String ID = "7439a3f5-c50e-477e-aed4-e39d316352ad";
    private static final String VOLUME = "/block/v1/zones/fr-par-1/volumes/" + ID;
    private static final String SERVER_ID = "1b7e2c1a-0000-4000-8000-000000000001";
    private static final String SERVER = "/instance/v1/zones/fr-par-1/servers/" + SERVER_ID;

    private ScalewayTestbed scw;
    private String volume;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        scw = ScalewayTestbed.at(wm.getHttpBaseUrl());
        volume = scw.volume("name", "data-1", "zone", "fr-par-1", "volumeType", "sbs_5k", "size", 20_000_000_000L, "providerSideId", ID);
        stubFor(delete(urlPathEqualTo(VOLUME)).willReturn(noContent()));
    }

    @AfterEach
    void close() {
        scw.close();
    }

    private static String serverIn(String state) {
        return "{\"server\": {\"id\": \"" + SERVER_ID + "\", \"name\": \"dev-web-1\", \"commercial_type\": \"DEV1-S\", \"state\": \"" + state
                + "\", \"zone\": \"fr-par-1\", \"tags\": [], \"allowed_actions\": [], \"arch\": \"x86_64\"}}";
    }

    @Test
    void deletesAVolumeAttachedToNothingThenTheEntity() {
        stubFor(get(urlPathEqualTo(VOLUME)).willReturn(answer("block/volume-available.json")));

        PressResult result = scw.press("Volume", "deleteScalewayVolume", volume);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).isEqualTo("Volume data-1 (20 GB (20000000000 bytes)) deleted at Scaleway (id " + ID + ") and removed here");
        verify(deleteRequestedFor(urlPathEqualTo(VOLUME)));
        assertThat(scw.all("Volume", "providerSideId", ID)).isEmpty();
    }

    @Test
    void isRefusedWhileAttachedToARunningServerAndNothingIsSent() {
        stubFor(get(urlPathEqualTo(VOLUME)).willReturn(answer("block/volume-attached.json")));
        stubFor(get(urlPathEqualTo(SERVER)).willReturn(okJson(serverIn("running"))));

        PressResult result = scw.press("Volume", "deleteScalewayVolume", volume);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).isEqualTo("Volume data-1 is attached to server dev-web-1 (id " + SERVER_ID
                + "), which is running: stop the server and detach the volume first");
        verify(0, deleteRequestedFor(urlPathEqualTo(VOLUME)));
    }

    @Test
    void onAStoppedServerTheDeleteGoesAndScalewaysPreconditionRefusalKeepsTheEntity() {
        stubFor(get(urlPathEqualTo(VOLUME)).willReturn(answer("block/volume-attached.json")));
        stubFor(get(urlPathEqualTo(SERVER)).willReturn(okJson(serverIn("stopped"))));
        stubFor(delete(urlPathEqualTo(VOLUME)).willReturn(refusal(412, "block/error-volume-in-use.json")));

        PressResult result = scw.press("Volume", "deleteScalewayVolume", volume);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).startsWith("Scaleway refused the request (HTTP 412, precondition_failed)")
                .contains("resource_still_in_use (detach the volume from its server first)");
        assertThat(scw.field("Volume", volume, "providerSideId")).isEqualTo(ID);
    }

    @Test
    void aVolumeAlreadyGoneFromScalewayIsRemovedHere() {
        stubFor(get(urlPathEqualTo(VOLUME)).willReturn(refusal(404, "block/error-volume-not-found.json")));
        stubFor(delete(urlPathEqualTo(VOLUME)).willReturn(refusal(404, "block/error-volume-not-found.json")));

        PressResult result = scw.press("Volume", "deleteScalewayVolume", volume);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).isEqualTo("Volume data-1 (20 GB (20000000000 bytes)) was already gone from Scaleway (id " + ID
                + ") and removed here");
        assertThat(scw.all("Volume", "providerSideId", ID)).isEmpty();
    }

    @Test
    void aVolumeASnapshotStillRefersToIsKeptMarkedMissing() {
        stubFor(get(urlPathEqualTo(VOLUME)).willReturn(answer("block/volume-available.json")));
        scw.snapshot("name", "data-1-daily", "zone", "fr-par-1", "baseVolume", volume);

        PressResult result = scw.press("Volume", "deleteScalewayVolume", volume);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).startsWith("Volume data-1 (20 GB (20000000000 bytes)) deleted at Scaleway (id " + ID
                + ") and kept here, marked missing at Scaleway (");
        assertThat(scw.field("Volume", volume, "missingAtProvider")).isEqualTo(Boolean.TRUE);
        assertThat(scw.field("Volume", volume, "state")).isEqualTo("deleted");
    }

    @Test
    void aDryRunChecksTheServerThenSaysWhatWouldBeSent(WireMockRuntimeInfo wm) {
        stubFor(get(urlPathEqualTo(VOLUME)).willReturn(answer("block/volume-available.json")));

        PressResult result = scw.dryRun("Volume", "deleteScalewayVolume", volume);

        assertThat(result.message()).isEqualTo("Dry run: DELETE " + wm.getHttpBaseUrl() + VOLUME);
        verify(0, deleteRequestedFor(urlPathEqualTo(VOLUME)));
    }
}
