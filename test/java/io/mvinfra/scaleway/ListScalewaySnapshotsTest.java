package io.mvinfra.scaleway;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static io.mvinfra.scaleway.ScalewayTestbed.answer;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.host.runtime.AuditEntry.Outcome;
import io.mvinfra.host.runtime.PressResult;
import io.mvinfra.host.store.StoredEntity;

/** ServiceProvider → "List snapshots" ({@link ListScalewaySnapshots}). */
@WireMockTest
class ListScalewaySnapshotsTest {

    private static final String PAR1 = "/block/v1/zones/fr-par-1/snapshots";

    private ScalewayTestbed scw;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        scw = ScalewayTestbed.at(wm.getHttpBaseUrl());
        stubFor(get(urlPathEqualTo(PAR1)).withQueryParam("page", absent())
                .willReturn(ScalewayTestbed.fullPage("block/snapshots-fr-par-1-page-1.json", "snapshots", 101)));
        stubFor(get(urlPathEqualTo(PAR1)).withQueryParam("page", equalTo("2")).willReturn(answer("block/snapshots-fr-par-1-page-2.json")));
        stubFor(get(urlPathEqualTo("/block/v1/zones/nl-ams-1/snapshots")).willReturn(answer("block/snapshots-nl-ams-1.json")));
    }

    @AfterEach
    void close() {
        scw.close();
    }

    @Test
    void storesEverySnapshotLinkedToTheVolumeItCopiesWhenThatVolumeIsHere() {
        String volume = scw.volume("name", "data-1", "zone", "fr-par-1", "providerSideId", "7439a3f5-c50e-477e-aed4-e39d316352ad");

        PressResult result = scw.press("ServiceProvider", "listScalewaySnapshots", scw.provider);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).isEqualTo("Snapshots of scw-main in fr-par-1, nl-ams-1: 101 listed: 101 new");
        StoredEntity daily = scw.all("Snapshot", "name", "data-1-daily").get(0);
        assertThat(daily.value("baseVolume")).isEqualTo(volume);
        assertThat(daily.value("volumeType")).isEqualTo("sbs_5k");
        assertThat(daily.value("size")).isEqualTo(20_000_000_000L);
        StoredEntity gold = scw.all("Snapshot", "name", "web-root-gold").get(0);
        assertThat(gold.value("state")).isEqualTo("in_use");
        assertThat(gold.value("baseVolume")).as("its volume is not here").isNull();
        verify(getRequestedFor(urlPathEqualTo(PAR1)).withQueryParam("page_size", equalTo("100")));
    }

    @Test
    void aSnapshotNoLongerListedIsMarkedNotDeleted() {
        String gone = scw.snapshot("name", "old", "zone", "fr-par-1", "providerSideId", "0d11030d-2054-4ec0-be82-c195a08c7c62");

        PressResult result = scw.press("ServiceProvider", "listScalewaySnapshots", scw.provider);

        assertThat(result.message()).endsWith("; 1 no longer at the provider (kept, marked)");
        assertThat(scw.field("Snapshot", gone, "missingAtProvider")).isEqualTo(Boolean.TRUE);
    }
}
