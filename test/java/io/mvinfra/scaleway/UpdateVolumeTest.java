package io.mvinfra.scaleway;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
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

/** Volume → "Update on Scaleway" ({@link UpdateVolume}): name, size (only grows) and type, sent as one PATCH. */
@WireMockTest
class UpdateVolumeTest {

    private static final String ID = "7439a3f5-c50e-477e-aed4-e39d316352ad";
    private static final String VOLUME = "/block/v1/zones/fr-par-1/volumes/" + ID;

    private ScalewayTestbed scw;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        scw = ScalewayTestbed.at(wm.getHttpBaseUrl());
        stubFor(get(urlPathEqualTo(VOLUME)).willReturn(answer("block/volume-available.json")));
    }

    @AfterEach
    void close() {
        scw.close();
    }

    private String volume(String name, long size, String type) {
        return scw.volume("name", name, "zone", "fr-par-1", "volumeType", type, "size", size, "providerSideId", ID, "state", "available");
    }

    @Test
    void renamesAndGrowsTheVolumeInOneChangeShowingTheSizes() {
        stubFor(patch(urlPathEqualTo(VOLUME)).willReturn(answer("block/volume-grown.json")));
        String volume = volume("data-2", 30_000_000_000L, "sbs_5k");

        PressResult result = scw.press("Volume", "updateScalewayVolume", volume);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).isEqualTo("Volume data-2 updated at Scaleway (id " + ID + "): name data-1 → data-2, "
                + "size 20 GB (20000000000 bytes) → 30 GB (30000000000 bytes)");
        verify(patchRequestedFor(urlPathEqualTo(VOLUME)).withRequestBody(equalToJson("{\"name\": \"data-2\", \"size\": 30000000000}")));
        assertThat(scw.field("Volume", volume, "size")).isEqualTo(30_000_000_000L);
        assertThat(scw.field("Volume", volume, "lastUpdated")).isNotNull();
    }

    @Test
    void changesTheTypeByItsIops() {
        stubFor(patch(urlPathEqualTo(VOLUME)).willReturn(answer("block/volume-available.json")));

        PressResult result = scw.press("Volume", "updateScalewayVolume", volume("data-1", 20_000_000_000L, "sbs_15k"));

        assertThat(result.message()).endsWith(": type sbs_5k → sbs_15k");
        verify(patchRequestedFor(urlPathEqualTo(VOLUME)).withRequestBody(equalToJson("{\"perf_iops\": 15000}")));
    }

    @Test
    void refusesToShrinkNamingTheFieldAndSendsNoChange() {
        PressResult result = scw.press("Volume", "updateScalewayVolume", volume("data-1", 10_000_000_000L, "sbs_5k"));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).isEqualTo("Volume.size: can only grow: Scaleway has 20 GB (20000000000 bytes), asked 10 GB (10000000000 bytes)");
        verify(0, patchRequestedFor(urlPathEqualTo(VOLUME)));
    }

    @Test
    void refusesAGrowthThatIsNoWholeNumberOfGb() {
        PressResult result = scw.press("Volume", "updateScalewayVolume", volume("data-1", 25_000_000_001L, "sbs_5k"));

        assertThat(result.message()).startsWith("Volume.size: must be a whole number of GB");
        verify(0, patchRequestedFor(urlPathEqualTo(VOLUME)));
    }

    @Test
    void aVolumeAsScalewayHasItNeedsNoUpdate() {
        PressResult result = scw.press("Volume", "updateScalewayVolume", volume("data-1", 20_000_000_000L, "sbs_5k"));

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).isEqualTo("Volume data-1: nothing to update, its name, size and type are as Scaleway has them");
        verify(0, patchRequestedFor(urlPathEqualTo(VOLUME)));
    }

    @Test
    void aVolumeInATransientStateIsRefusedByScalewayInItsOwnWords() {
        stubFor(patch(urlPathEqualTo(VOLUME)).willReturn(refusal(409, "block/error-transient-state.json")));
        String volume = volume("data-1", 30_000_000_000L, "sbs_5k");

        PressResult result = scw.press("Volume", "updateScalewayVolume", volume);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).startsWith("Scaleway refused the request (HTTP 409, transient_state)")
                .contains("volume " + ID + " is resizing");
        assertThat(scw.field("Volume", volume, "state")).isEqualTo("available");
    }

    @Test
    void aVolumeGoneFromScalewaySaysSo() {
        stubFor(get(urlPathEqualTo(VOLUME)).willReturn(refusal(404, "block/error-volume-not-found.json")));

        PressResult result = scw.press("Volume", "updateScalewayVolume", volume("data-1", 30_000_000_000L, "sbs_5k"));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).startsWith("Scaleway refused the request (HTTP 404, not_found)").contains("volume " + ID);
    }
}
