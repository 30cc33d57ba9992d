package io.mvinfra.scaleway;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
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
import support.FakeTime;
import support.Stubs;

/** Snapshot → "Create on Scaleway" ({@link CreateSnapshot}): a Block Storage snapshot of its volume, waited for. */
@WireMockTest
class CreateSnapshotTest {

    private static final String SNAPSHOTS = "/block/v1/zones/fr-par-1/snapshots";
    private static final String ID = "a573bd7b-b83e-4b45-8013-7551ad2588a9";
    private static final String VOLUME_ID = "7439a3f5-c50e-477e-aed4-e39d316352ad";

    private ScalewayTestbed scw;
    private String volume;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        scw = ScalewayTestbed.at(wm.getHttpBaseUrl(), new FakeTime());
        volume = scw.volume("name", "data-1", "zone", "fr-par-1", "volumeType", "sbs_5k", "size", 20_000_000_000L, "providerSideId", VOLUME_ID);
    }

    @AfterEach
    void close() {
        scw.close();
    }

    @Test
    void snapshotsTheVolumeInItsZoneWaitsUntilAvailableAndLinksTheVolume() {
        stubFor(post(SNAPSHOTS).willReturn(answer("block/snapshot-creating.json")));
        Stubs.inTurn(() -> get(urlPathEqualTo(SNAPSHOTS + "/" + ID)), answer("block/snapshot-creating.json"), answer("block/snapshot-available.json"));
        String snapshot = scw.snapshot("name", "data-1-daily", "baseVolume", volume);

        PressResult result = scw.press("Snapshot", "createScalewaySnapshot", snapshot);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).isEqualTo("Snapshot data-1-daily of volume data-1 created at Scaleway (id " + ID
                + "): 20 GB (20000000000 bytes), available");
        verify(postRequestedFor(urlPathEqualTo(SNAPSHOTS)).withRequestBody(equalToJson(
                "{\"volume_id\": \"" + VOLUME_ID + "\", \"name\": \"data-1-daily\", \"project_id\": \"" + ScalewayTestbed.PROJECT + "\", \"tags\": []}")));
        assertThat(scw.field("Snapshot", snapshot, "providerSideId")).isEqualTo(ID);
        assertThat(scw.field("Snapshot", snapshot, "zone")).isEqualTo("fr-par-1");
        assertThat(scw.field("Snapshot", snapshot, "state")).isEqualTo("available");
        assertThat(scw.field("Snapshot", snapshot, "baseVolume")).isEqualTo(volume);
        assertThat(scw.field("Snapshot", snapshot, "size")).isEqualTo(20_000_000_000L);
    }

    @Test
    void refusesASnapshotWithoutVolumeNamingTheFieldBeforeAnyCall() {
        PressResult result = scw.press("Snapshot", "createScalewaySnapshot", scw.snapshot("name", "orphan"));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).isEqualTo("Snapshot.baseVolume: is required: the volume to snapshot");
        verify(0, postRequestedFor(urlPathEqualTo(SNAPSHOTS)));
    }

    @Test
    void refusesAVolumeNotAtScalewayYet() {
        String local = scw.volume("name", "data-9", "zone", "fr-par-1");

        PressResult result = scw.press("Snapshot", "createScalewaySnapshot", scw.snapshot("name", "s", "baseVolume", local));

        assertThat(result.message()).isEqualTo("Snapshot.baseVolume: volume data-9 is not at Scaleway yet: create it first");
        verify(0, postRequestedFor(urlPathEqualTo(SNAPSHOTS)));
    }

    @Test
    void refusesAZoneOtherThanTheVolumes() {
        PressResult result = scw.press("Snapshot", "createScalewaySnapshot",
                scw.snapshot("name", "s", "baseVolume", volume, "zone", "nl-ams-1"));

        assertThat(result.message()).isEqualTo("Snapshot.zone: a snapshot is made in its volume's zone fr-par-1, is nl-ams-1 (leave it empty)");
        verify(0, postRequestedFor(urlPathEqualTo(SNAPSHOTS)));
    }

    @Test
    void aVolumeInATransientStateIsRefusedByScalewayAndNothingIsKept() {
        stubFor(post(SNAPSHOTS).willReturn(refusal(409, "block/error-transient-state.json")));
        String snapshot = scw.snapshot("name", "data-1-daily", "baseVolume", volume);

        PressResult result = scw.press("Snapshot", "createScalewaySnapshot", snapshot);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).startsWith("Scaleway refused the request (HTTP 409, transient_state)")
                .contains("volume " + VOLUME_ID + " is resizing");
        assertThat(scw.field("Snapshot", snapshot, "providerSideId")).isNull();
    }

    @Test
    void aWaitThatTimesOutKeepsTheSnapshotsId() {
        stubFor(post(SNAPSHOTS).willReturn(answer("block/snapshot-creating.json")));
        stubFor(get(urlPathEqualTo(SNAPSHOTS + "/" + ID)).willReturn(answer("block/snapshot-creating.json")));
        String snapshot = scw.snapshot("name", "data-1-daily", "baseVolume", volume);

        PressResult result = scw.press("Snapshot", "createScalewaySnapshot", snapshot);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).startsWith("Snapshot data-1-daily was created at Scaleway (id " + ID + "), its id is kept here")
                .contains("is still creating after 5 min");
        assertThat(scw.field("Snapshot", snapshot, "providerSideId")).isEqualTo(ID);
        assertThat(scw.field("Snapshot", snapshot, "state")).isEqualTo("creating");
    }
}
