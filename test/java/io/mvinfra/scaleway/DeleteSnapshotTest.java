package io.mvinfra.scaleway;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static io.mvinfra.scaleway.ScalewayTestbed.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.host.runtime.AuditEntry.Outcome;
import io.mvinfra.host.runtime.PressResult;

/** Snapshot → "Delete on Scaleway" ({@link DeleteSnapshot}). */
@WireMockTest
class DeleteSnapshotTest {

    private static final String ID = "a573bd7b-b83e-4b45-8013-7551ad2588a9";
    private static final String SNAPSHOT = "/block/v1/zones/fr-par-1/snapshots/" + ID;

    private ScalewayTestbed scw;
    private String snapshot;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        scw = ScalewayTestbed.at(wm.getHttpBaseUrl());
        snapshot = scw.snapshot("name", "data-1-daily", "zone", "fr-par-1", "providerSideId", ID, "state", "available");
    }

    @AfterEach
    void close() {
        scw.close();
    }

    @Test
    void deletesTheSnapshotThenTheEntity() {
        stubFor(delete(urlPathEqualTo(SNAPSHOT)).willReturn(noContent()));

        PressResult result = scw.press("Snapshot", "deleteScalewaySnapshot", snapshot);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).isEqualTo("Snapshot data-1-daily deleted at Scaleway (id " + ID + ") and removed here");
        assertThat(scw.all("Snapshot", "providerSideId", ID)).isEmpty();
    }

    @Test
    void aSnapshotAnImageUsesIsRefusedByScalewayInItsOwnWordsAndKept() {
        stubFor(delete(urlPathEqualTo(SNAPSHOT)).willReturn(refusal(412, "block/error-snapshot-in-use.json")));

        PressResult result = scw.press("Snapshot", "deleteScalewaySnapshot", snapshot);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).startsWith("Scaleway refused the request (HTTP 412, precondition_failed)")
                .contains("resource_still_in_use (delete the images using the snapshot first)");
        assertThat(scw.field("Snapshot", snapshot, "providerSideId")).isEqualTo(ID);
    }

    @Test
    void aSnapshotAnImageEntityStillRefersToIsKeptMarkedMissing() {
        stubFor(delete(urlPathEqualTo(SNAPSHOT)).willReturn(noContent()));
        scw.image("name", "web-gold", "zone", "fr-par-1", "rootSnapshot", snapshot);

        PressResult result = scw.press("Snapshot", "deleteScalewaySnapshot", snapshot);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).startsWith("Snapshot data-1-daily deleted at Scaleway (id " + ID + ") and kept here, marked missing");
        assertThat(scw.field("Snapshot", snapshot, "missingAtProvider")).isEqualTo(Boolean.TRUE);
    }

    @Test
    void aSnapshotWithoutZoneIsRefusedNamingTheField() {
        String zoneless = scw.snapshot("name", "old", "providerSideId", "0d11030d-2054-4ec0-be82-c195a08c7c62");

        PressResult result = scw.press("Snapshot", "deleteScalewaySnapshot", zoneless);

        assertThat(result.message()).startsWith("Snapshot.zone: is empty");
        verify(0, deleteRequestedFor(urlPathEqualTo(SNAPSHOT)));
    }
}
