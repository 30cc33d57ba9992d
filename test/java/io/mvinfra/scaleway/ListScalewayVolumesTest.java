package io.mvinfra.scaleway;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
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
import io.mvinfra.http.HttpRuntime;
import support.FakeTime;
import support.Stubs;
import support.TestHttp;

/**
 * ServiceProvider → "List volumes" ({@link ListScalewayVolumes}): Block Storage pages say their total in the body, not
 * in a header, and are read one after the other here (surefire's {@code mvinfra.http.pageConcurrency}).
 */
@WireMockTest
class ListScalewayVolumesTest {

    private static final String PAR1 = "/block/v1/zones/fr-par-1/volumes";
    private static final String AMS1 = "/block/v1/zones/nl-ams-1/volumes";
    private static final String SERVER_ID = "1b7e2c1a-0000-4000-8000-000000000001";

    private final FakeTime time = new FakeTime();
    private ScalewayTestbed scw;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        scw = ScalewayTestbed.at(wm.getHttpBaseUrl(), new HttpRuntime(TestHttp.settings().withPageConcurrency(1), time));
    }

    @AfterEach
    void close() {
        scw.close();
    }

    private static void twoPagesInParisOneInAmsterdam() {
        stubFor(get(urlPathEqualTo(PAR1)).withQueryParam("page", absent())
                .willReturn(ScalewayTestbed.fullPage("block/volumes-fr-par-1-page-1.json", "volumes", 101)));
        stubFor(get(urlPathEqualTo(PAR1)).withQueryParam("page", equalTo("2")).willReturn(answer("block/volumes-fr-par-1-page-2.json")));
        stubFor(get(urlPathEqualTo(AMS1)).willReturn(answer("block/volumes-nl-ams-1.json")));
    }

    @Test
    void storesEveryVolumeOfEveryPageAndZoneLinkedToItsServer() {
        twoPagesInParisOneInAmsterdam();
        String server = scw.server("instanceName", "dev-web-1", "zone", "fr-par-1", "serverType", "DEV1-S", "providerSideId", SERVER_ID);

        PressResult result = scw.press("ServiceProvider", "listScalewayServerVolumes", scw.provider);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).isEqualTo("Volumes of scw-main in fr-par-1, nl-ams-1: 102 listed: 102 new");
        List<StoredEntity> volumes = scw.all("Volume", "provider", scw.provider);
        assertThat(volumes).hasSize(102).extracting(v -> v.value("name")).contains("data-1", "data-2", "web-root", "backup-1");
        StoredEntity root = scw.all("Volume", "name", "web-root").get(0);
        assertThat(root.value("server")).isEqualTo(server);
        assertThat(root.value("state")).isEqualTo("in_use");
        StoredEntity fast = scw.all("Volume", "name", "data-2").get(0);
        assertThat(fast.value("volumeType")).isEqualTo("sbs_15k");
        assertThat(fast.value("size")).isEqualTo(50_000_000_000L);
        assertThat(scw.all("Volume", "name", "backup-1").get(0).value("baseVolume")).isEqualTo("0d11030d-2054-4ec0-be82-c195a08c7c62");
        verify(getRequestedFor(urlPathEqualTo(PAR1)).withQueryParam("page_size", equalTo("100")).withQueryParam("per_page", absent()));
        verify(getRequestedFor(urlPathEqualTo(PAR1)).withQueryParam("page", equalTo("2")));
    }

    @Test
    void aSecondListChangesNothingMarksAVolumeGoneAndClearsADetachedServer() {
        twoPagesInParisOneInAmsterdam();
        scw.server("instanceName", "dev-web-1", "zone", "fr-par-1", "serverType", "DEV1-S", "providerSideId", SERVER_ID);
        scw.press("ServiceProvider", "listScalewayServerVolumes", scw.provider);
        stubFor(get(urlPathEqualTo(AMS1)).willReturn(okJson("{\"total_count\": 0, \"volumes\": []}")));
        stubFor(get(urlPathEqualTo(PAR1)).withQueryParam("page", equalTo("2")).willReturn(okJson(
                support.Fixtures.fixture("scaleway/block/volumes-fr-par-1-page-2.json").replace("\"status\": \"attached\"", "\"status\": \"detached\""))));

        PressResult again = scw.press("ServiceProvider", "listScalewayServerVolumes", scw.provider);

        assertThat(again.message()).isEqualTo("Volumes of scw-main in fr-par-1, nl-ams-1: 101 listed: 1 updated, 100 unchanged; "
                + "1 no longer at the provider (kept, marked)");
        assertThat(scw.all("Volume", "name", "backup-1").get(0).value("missingAtProvider")).isEqualTo(Boolean.TRUE);
        assertThat(scw.all("Volume", "name", "web-root").get(0).value("server")).isNull();
    }

    @Test
    void aVolumeEnteredByHandIsLinkedByZoneAndName() {
        twoPagesInParisOneInAmsterdam();
        String mine = scw.volume("name", "data-1", "zone", "fr-par-1");

        scw.press("ServiceProvider", "listScalewayServerVolumes", scw.provider);

        assertThat(scw.all("Volume", "name", "data-1")).extracting(StoredEntity::uuid).containsExactly(mine);
        assertThat(scw.field("Volume", mine, "providerSideId")).isEqualTo("d56135a7-3178-432a-abd0-71c50f37b4b0");
    }

    @Test
    void a429WithoutRetryAfterOnAPageIsRetriedAfterABackOff() {
        twoPagesInParisOneInAmsterdam();
        Stubs.inTurn(() -> get(urlPathEqualTo(AMS1)), aResponse().withStatus(429), answer("block/volumes-nl-ams-1.json"));

        PressResult result = scw.press("ServiceProvider", "listScalewayServerVolumes", scw.provider);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(time.slept()).isPositive();
        verify(2, getRequestedFor(urlPathEqualTo(AMS1)));
    }

    @Test
    void aFailureOnTheSecondPageChangesNoEntity() {
        twoPagesInParisOneInAmsterdam();
        scw.press("ServiceProvider", "listScalewayServerVolumes", scw.provider);
        stubFor(get(urlPathEqualTo(PAR1)).withQueryParam("page", equalTo("2")).willReturn(ScalewayTestbed.refusal(403,
                "error-permissions-denied.json")));
        stubFor(get(urlPathEqualTo(AMS1)).willReturn(okJson("{\"total_count\": 0, \"volumes\": []}")));
        List<Map<String, Object>> before = scw.snapshot("Volume");

        PressResult result = scw.press("ServiceProvider", "listScalewayServerVolumes", scw.provider);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).startsWith("Scaleway refused the request (HTTP 403, permissions_denied)");
        assertThat(scw.snapshot("Volume")).isEqualTo(before);
    }
}
