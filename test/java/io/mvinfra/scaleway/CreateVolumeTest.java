package io.mvinfra.scaleway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static io.mvinfra.scaleway.ScalewayTestbed.answer;
import static io.mvinfra.scaleway.ScalewayTestbed.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static support.Fixtures.fixture;

import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.host.runtime.AuditEntry.Outcome;
import io.mvinfra.host.runtime.PressResult;
import support.FakeTime;
import support.Stubs;

/** Volume → "Create on Scaleway" ({@link CreateVolume}): a Block Storage volume, waited for on a fake clock. */
@WireMockTest
class CreateVolumeTest {

    private static final String VOLUMES = "/block/v1/zones/fr-par-1/volumes";
    private static final String ID = "7439a3f5-c50e-477e-aed4-e39d316352ad";
    private static final String SNAPSHOT_ID = "0d11030d-2054-4ec0-be82-c195a08c7c62";

    private final FakeTime time = new FakeTime();
    private ScalewayTestbed scw;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        scw = ScalewayTestbed.at(wm.getHttpBaseUrl(), time);
    }

    @AfterEach
    void close() {
        scw.close();
    }

    private String emptyVolume(Object... more) {
        Object[] fields = {"name", "data-1", "zone", "fr-par-1", "volumeType", "sbs_5k", "size", 20_000_000_000L};
        Object[] all = new Object[fields.length + more.length];
        System.arraycopy(fields, 0, all, 0, fields.length);
        System.arraycopy(more, 0, all, fields.length, more.length);
        return scw.volume(all);
    }

    /** GET of the volume answers each fixture in turn, the last for good. */
    private static void volumeGoes(String... fixtures) {
        Stubs.inTurn(() -> get(urlPathEqualTo(VOLUMES + "/" + ID)),
                Arrays.stream(fixtures).map(ScalewayTestbed::answer).toArray(ResponseDefinitionBuilder[]::new));
    }

    @Test
    void createsAnEmptyVolumeWaitsUntilAvailableAndKeepsScalewaysAnswer() {
        stubFor(post(VOLUMES).willReturn(answer("block/volume-creating.json")));
        volumeGoes("block/volume-creating.json", "block/volume-available.json");
        String volume = emptyVolume();

        PressResult result = scw.press("Volume", "createScalewayVolume", volume);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).isEqualTo("Volume data-1 created at Scaleway (id " + ID + "): 20 GB (20000000000 bytes), sbs_5k, available");
        verify(postRequestedFor(urlPathEqualTo(VOLUMES)).withHeader("X-Auth-Token", equalTo(ScalewayTestbed.SECRET_KEY))
                .withRequestBody(equalToJson("{\"name\": \"data-1\", \"perf_iops\": 5000, \"project_id\": \"" + ScalewayTestbed.PROJECT + "\", \"from_empty\": {\"size\": 20000000000}, \"tags\": []}")));
        assertThat(scw.field("Volume", volume, "providerSideId")).isEqualTo(ID);
        assertThat(scw.field("Volume", volume, "state")).isEqualTo("available");
        assertThat(scw.field("Volume", volume, "volumeType")).isEqualTo("sbs_5k");
        assertThat(time.slept()).as("waited on the fake clock").isPositive();
    }

    @Test
    void createsACopyOfASnapshotTakingItsSizeAndType() {
        stubFor(post(VOLUMES).willReturn(answer("block/volume-from-snapshot-creating.json")));
        Stubs.inTurn(() -> get(urlPathEqualTo(VOLUMES + "/b9a4f1c2-3d5e-4f60-8a7b-9c0d1e2f3a4b")),
                answer("block/volume-from-snapshot-creating.json"), answer("block/volume-from-snapshot-creating.json", "available"));
        String volume = scw.volume("name", "data-copy", "zone", "fr-par-1", "baseVolume", SNAPSHOT_ID);

        PressResult result = scw.press("Volume", "createScalewayVolume", volume);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        verify(postRequestedFor(urlPathEqualTo(VOLUMES)).withRequestBody(equalToJson(
                "{\"name\": \"data-copy\", \"project_id\": \"" + ScalewayTestbed.PROJECT + "\", \"from_snapshot\": {\"snapshot_id\": \"" + SNAPSHOT_ID + "\"}, \"tags\": []}")));
        assertThat(scw.field("Volume", volume, "size")).isEqualTo(20_000_000_000L);
        assertThat(scw.field("Volume", volume, "baseVolume")).isEqualTo(SNAPSHOT_ID);
    }

    private void refusedNamingTheField(String volume, String message) {
        PressResult result = scw.press("Volume", "createScalewayVolume", volume);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).isEqualTo(message);
        verify(0, postRequestedFor(urlPathEqualTo(VOLUMES)));
    }

    @Test
    void refusesASizeThatIsNoWholeNumberOfGbNamingTheFieldBeforeAnyCall() {
        refusedNamingTheField(emptyVolume("size", 20_500_000_000L), "Volume.size: must be a whole number of GB (10^9 bytes) as "
                + "Scaleway Block Storage requires, is 20.50 GB (20500000000 bytes), e.g. 20 GB (20000000000 bytes)");
    }

    @Test
    void refusesASizeAboveTenTerabytes() {
        refusedNamingTheField(emptyVolume("size", 20_000_000_000_000L),
                "Volume.size: must be at most 10000 GB (10000000000000 bytes), is 20000 GB (20000000000000 bytes)");
    }

    @Test
    void refusesTheRetiredBSsdType() {
        refusedNamingTheField(emptyVolume("volumeType", "b_ssd"), "Volume.volumeType: must be sbs_5k (5000 IOPS) or sbs_15k (15000 IOPS)"
                + " (Scaleway Block Storage; b_ssd is retired), is b_ssd");
    }

    @Test
    void refusesAnEmptyVolumeWithoutType() {
        refusedNamingTheField(scw.volume("name", "data-1", "zone", "fr-par-1", "size", 20_000_000_000L),
                "Volume.volumeType: is required for a new empty volume: sbs_5k (5000 IOPS) or sbs_15k (15000 IOPS)");
    }

    @Test
    void refusesBothASizeAndASnapshot() {
        refusedNamingTheField(emptyVolume("baseVolume", SNAPSHOT_ID), "Volume.size: give either size (a new empty volume) or baseVolume"
                + " (the id of a snapshot to copy), not both; grow the copy with Update once it is created");
    }

    @Test
    void refusesNeitherSizeNorSnapshot() {
        refusedNamingTheField(scw.volume("name", "data-1", "zone", "fr-par-1", "volumeType", "sbs_5k"), "Volume.size: is required for a"
                + " new empty volume, in bytes (e.g. 20 GB (20000000000 bytes)); or give baseVolume: the id of a snapshot to copy");
    }

    @Test
    void refusesAZoneOutsideTheProvidersAndSaysEveryProblemAtOnce() {
        refusedNamingTheField(emptyVolume("zone", "pl-waw-1", "volumeType", "b_ssd"), "Volume.zone: must be one of the provider's zones"
                + " fr-par-1, nl-ams-1, is pl-waw-1; Volume.volumeType: must be sbs_5k (5000 IOPS) or sbs_15k (15000 IOPS)"
                + " (Scaleway Block Storage; b_ssd is retired), is b_ssd");
    }

    @Test
    void aWaitThatTimesOutKeepsTheVolumesIdThoughThePressFails() {
        stubFor(post(VOLUMES).willReturn(answer("block/volume-creating.json")));
        volumeGoes("block/volume-creating.json");
        String volume = emptyVolume();

        PressResult result = scw.press("Volume", "createScalewayVolume", volume);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).startsWith("Volume data-1 was created at Scaleway (id " + ID + "), its id is kept here, but it is not available: ")
                .contains("is still creating after 5 min");
        assertThat(scw.field("Volume", volume, "providerSideId")).isEqualTo(ID);
        assertThat(scw.field("Volume", volume, "state")).isEqualTo("creating");
    }

    @Test
    void aVolumeGoingToErrorFailsFastAndKeepsItsId() {
        stubFor(post(VOLUMES).willReturn(answer("block/volume-creating.json")));
        Stubs.inTurn(() -> get(urlPathEqualTo(VOLUMES + "/" + ID)), answer("block/volume-creating.json", "error"));
        String volume = emptyVolume();

        PressResult result = scw.press("Volume", "createScalewayVolume", volume);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).contains("Volume data-1 went error while waiting for available");
        assertThat(scw.field("Volume", volume, "providerSideId")).isEqualTo(ID);
    }

    @Test
    void scalewaysQuotaRefusalReachesTheOperatorWithTheQuotaAndNothingIsKept() {
        stubFor(post(VOLUMES).willReturn(refusal(403, "error-quotas-exceeded.json")));
        String volume = emptyVolume();

        PressResult result = scw.press("Volume", "createScalewayVolume", volume);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).startsWith("Scaleway refused the request (HTTP 403, quotas_exceeded)")
                .contains("instances_dev1_s at 10 of 10");
        assertThat(scw.field("Volume", volume, "providerSideId")).isNull();
    }

    @Test
    void scalewaysInvalidArgumentsReachTheOperatorWithEachDetail() {
        stubFor(post(VOLUMES).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody(
                "{\"details\": [{\"argument_name\": \"from_empty.size\", \"reason\": \"constraint\", \"help_message\": \"size must be between 1GB and 10TB\"}],"
                        + " \"message\": \"invalid argument(s)\", \"type\": \"invalid_arguments\"}")));

        PressResult result = scw.press("Volume", "createScalewayVolume", emptyVolume());

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).contains("invalid_arguments",
                "from_empty.size does not respect a constraint (size must be between 1GB and 10TB)");
    }

    @Test
    void a429WithRetryAfterIsWaitedOutThenTheVolumeLookedUpBeforeTheCreateIsSentAgain() {
        Stubs.inTurn(() -> post(VOLUMES), aResponse().withStatus(429).withHeader("Retry-After", "7"), answer("block/volume-creating.json"));
        stubFor(get(urlPathEqualTo(VOLUMES)).withQueryParam("name", equalTo("data-1"))
                .willReturn(okJson("{\"total_count\": 0, \"volumes\": []}")));
        volumeGoes("block/volume-available.json");

        PressResult result = scw.press("Volume", "createScalewayVolume", emptyVolume());

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(time.sleeps()).anySatisfy(wait -> assertThat(wait).isGreaterThanOrEqualTo(Duration.ofSeconds(7)));
        verify(2, postRequestedFor(urlPathEqualTo(VOLUMES)));
        verify(1, getRequestedFor(urlPathEqualTo(VOLUMES)).withQueryParam("name", equalTo("data-1")));
    }

    @Test
    void a429WithoutRetryAfterBacksOffAndTheVolumeFoundIsAdoptedNotCreatedTwice() {
        Stubs.inTurn(() -> post(VOLUMES), aResponse().withStatus(429), answer("block/volume-creating.json"));
        stubFor(get(urlPathEqualTo(VOLUMES)).withQueryParam("name", equalTo("data-1"))
                .willReturn(okJson("{\"total_count\": 1, \"volumes\": [" + fixture("scaleway/block/volume-creating.json") + "]}")));
        volumeGoes("block/volume-available.json");
        String volume = emptyVolume();

        PressResult result = scw.press("Volume", "createScalewayVolume", volume);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(time.slept()).isPositive();
        verify(1, postRequestedFor(urlPathEqualTo(VOLUMES)));
        assertThat(scw.field("Volume", volume, "providerSideId")).isEqualTo(ID);
    }

    @Test
    void aDryRunSaysWhatWouldBeSentAndSendsNothing(WireMockRuntimeInfo wm) {
        String volume = emptyVolume();

        PressResult result = scw.dryRun("Volume", "createScalewayVolume", volume);

        assertThat(result.message()).isEqualTo("Dry run: POST " + wm.getHttpBaseUrl() + VOLUMES
                + " {\"name\":\"data-1\",\"perf_iops\":5000,\"project_id\":\"" + ScalewayTestbed.PROJECT + "\",\"from_empty\":{\"size\":20000000000},\"tags\":[]}");
        verify(0, postRequestedFor(urlPathEqualTo(VOLUMES)));
    }
}
