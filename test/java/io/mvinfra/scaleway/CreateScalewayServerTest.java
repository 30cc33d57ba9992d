package io.mvinfra.scaleway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
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
import support.FakeTime;

/** Server → "Create on Scaleway" ({@link CreateScalewayServer}). */
@WireMockTest
class CreateScalewayServerTest {

    private static final String SERVERS = "/instance/v1/zones/fr-par-1/servers";
    private static final String ID = "1b7e2c1a-0000-4000-8000-000000000005";
    private static final String IMAGE_ID = "c4d5e6f7-2222-4b1c-8d2e-3f4a5b6c7d8e";
    private static final String TASK = "{\"task\": {\"id\": \"0c1d2e3f-8888-4a1b-8c2d-3e4f5a6b7c8d\", \"description\": \"server_batch_poweron\","
            + " \"status\": \"pending\", \"progress\": 0}}";

    private ScalewayTestbed scw;
    private String image;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        scw = ScalewayTestbed.at(wm.getHttpBaseUrl(), new FakeTime());
        image = scw.create("Image", "name", "Ubuntu 22.04 Jammy Jellyfish", "providerSideId", IMAGE_ID, "zone", "fr-par-1",
                "provider", scw.provider);
        stubFor(get(urlPathEqualTo("/instance/v1/zones/fr-par-1/products/servers")).willReturn(okJson(fixture("scaleway/products-servers.json"))
                .withHeader("X-Total-Count", "3")));
    }

    @AfterEach
    void close() {
        scw.close();
    }

    private String webServer(Object... more) {
        Object[] base = {"instanceName", "dev-web-9", "zone", "fr-par-1", "serverType", "DEV1-S", "image", image, "tags", List.of("web", "mv-infra")};
        Object[] all = new Object[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return scw.server(all);
    }

    private static String serverIn(String state) {
        String allowed = "running".equals(state) ? "\"poweroff\", \"terminate\", \"reboot\", \"stop_in_place\", \"backup\"" : "\"poweron\", \"backup\"";
        return "{\"server\": {\"id\": \"" + ID + "\", \"name\": \"dev-web-9\", \"commercial_type\": \"DEV1-S\", \"state\": \"" + state
                + "\", \"zone\": \"fr-par-1\", \"tags\": [\"web\", \"mv-infra\"], \"allowed_actions\": [" + allowed + "], \"arch\": \"x86_64\"}}";
    }

    /** The create answers the new server stopped; powered on, it goes starting, then running. */
    private static void scalewayCreatesAndBoots() {
        stubFor(post(SERVERS).willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody(fixture("scaleway/server-created.json"))));
        stubFor(get(SERVERS + "/" + ID).inScenario("boot").whenScenarioStateIs(STARTED).willReturn(okJson(serverIn("stopped"))));
        stubFor(post(SERVERS + "/" + ID + "/action").inScenario("boot").whenScenarioStateIs(STARTED).willSetStateTo("starting")
                .willReturn(okJson(TASK)));
        stubFor(get(SERVERS + "/" + ID).inScenario("boot").whenScenarioStateIs("starting").willSetStateTo("running")
                .willReturn(okJson(serverIn("starting"))));
        stubFor(get(SERVERS + "/" + ID).inScenario("boot").whenScenarioStateIs("running").willReturn(okJson(serverIn("running"))));
    }

    @Test
    void createsFromAnImageKeepsTheIdPowersOnAndSaysThePrice() {
        scalewayCreatesAndBoots();
        String server = webServer();

        PressResult result = scw.press("Server", "createScalewayServer", server);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).isEqualTo("Server dev-web-9 created (id " + ID + ") and running in fr-par-1; "
                + "DEV1-S costs €0.0099 an hour, about €7.23 a month");
        verify(postRequestedFor(urlPathEqualTo(SERVERS)).withHeader("X-Auth-Token", equalTo(ScalewayTestbed.SECRET_KEY))
                .withRequestBody(equalToJson("{\"name\": \"dev-web-9\", \"commercial_type\": \"DEV1-S\", \"image\": \"" + IMAGE_ID + "\","
                        + " \"dynamic_ip_required\": true, \"enable_ipv6\": true, \"tags\": [\"web\", \"mv-infra\"]}")));
        verify(postRequestedFor(urlPathEqualTo(SERVERS + "/" + ID + "/action")).withRequestBody(equalToJson("{\"action\": \"poweron\"}")));
        assertThat(scw.field("Server", server, "providerSideId")).isEqualTo(ID);
        assertThat(scw.field("Server", server, "status")).isEqualTo("running");
        assertThat(scw.all("ServerAction", "server", server)).singleElement()
                .satisfies(a -> assertThat(a.value("outcome")).isEqualTo("success"));
    }

    @Test
    void aDryRunSaysTheRequestAndThePriceAndSendsNothing(WireMockRuntimeInfo wm) {
        String server = webServer();

        PressResult result = scw.dryRun("Server", "createScalewayServer", server);

        assertThat(result.message()).isEqualTo("Dry run: POST " + wm.getHttpBaseUrl() + SERVERS + " {\"name\":\"dev-web-9\","
                + "\"commercial_type\":\"DEV1-S\",\"image\":\"" + IMAGE_ID + "\",\"dynamic_ip_required\":true,\"enable_ipv6\":true,\"tags\":[\"web\",\"mv-infra\"]}; "
                + "DEV1-S costs €0.0099 an hour, about €7.23 a month");
        verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void aTypeTheZoneDoesNotOfferIsRefusedNamingTheFieldBeforeAnyCreate() {
        String server = webServer("serverType", "PLAY2-NANO");

        PressResult result = scw.press("Server", "createScalewayServer", server);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).isEqualTo("Server.serverType: PLAY2-NANO is not offered in fr-par-1 (DEV1-M, DEV1-S, GP1-XS)");
        verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void anImageAndARootVolumeTogetherAreRefused() {
        String root = scw.create("Volume", "name", "prepared-root", "providerSideId", "7a8b9c0d-5555-4e6f-8a9b-000000000009",
                "volumeType", "l_ssd", "size", 10_000_000_000L, "zone", "fr-par-1", "provider", scw.provider);
        String server = webServer("rootVolume", root);

        PressResult result = scw.press("Server", "createScalewayServer", server);

        assertThat(result.message()).isEqualTo("Server.rootVolume: give exactly one of image and rootVolume: a server starts from an image"
                + " or from a prepared root volume");
        verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void aLocalVolumeTooBigForTheTypeIsNamedWithItsSizeAndTheTypesRange() {
        String root = scw.create("Volume", "name", "big-root", "providerSideId", "7a8b9c0d-5555-4e6f-8a9b-000000000009",
                "volumeType", "l_ssd", "size", 40_000_000_000L, "zone", "fr-par-1", "provider", scw.provider);
        String server = webServer("image", "", "rootVolume", root);

        PressResult result = scw.press("Server", "createScalewayServer", server);

        assertThat(result.message()).isEqualTo("Server.rootVolume: Volume big-root is 40 GB (40000000000 bytes); a DEV1-S takes local"
                + " volumes of 1 GB (1000000000 bytes) to 20 GB (20000000000 bytes); Server.additionalVolumes: the local volumes add up to"
                + " 40 GB (40000000000 bytes); a DEV1-S needs at most 20 GB (20000000000 bytes) of local storage in all");
        verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void aFailedPowerOnKeepsTheCreatedServersIdSoTheNextPressDoesNotDuplicateIt() {
        scalewayCreatesAndBoots();
        stubFor(post(SERVERS + "/" + ID + "/action").inScenario("boot").whenScenarioStateIs(STARTED).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody(fixture("scaleway/error-quota-instance-api.json"))));
        String server = webServer();

        PressResult first = scw.press("Server", "createScalewayServer", server);
        PressResult again = scw.press("Server", "createScalewayServer", server);

        assertThat(first.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(scw.field("Server", server, "providerSideId")).isEqualTo(ID);
        assertThat(again.outcome()).as("the button no longer applies to a server with an id").isEqualTo(Outcome.REFUSED);
        verify(1, postRequestedFor(urlPathEqualTo(SERVERS)));
    }

    @Test
    void aCreateWhoseAnswerWasLostIsLookedUpByNameAndTagsNotSentTwice() {
        scalewayCreatesAndBoots();
        stubFor(post(SERVERS).willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                .withBody("{\"type\": \"service_unavailable\", \"message\": \"service unavailable\"}")));
        stubFor(get(urlPathEqualTo(SERVERS)).withQueryParam("name", equalTo("dev-web-9")).willReturn(okJson(
                "{\"servers\": [" + serverIn("stopped").substring("{\"server\": ".length(), serverIn("stopped").length() - 1) + "]}")
                .withHeader("X-Total-Count", "1")));
        String server = webServer();

        PressResult result = scw.press("Server", "createScalewayServer", server);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        verify(1, postRequestedFor(urlPathEqualTo(SERVERS)));
        verify(getRequestedFor(urlPathEqualTo(SERVERS)).withQueryParam("name", equalTo("dev-web-9")));
        assertThat(scw.field("Server", server, "providerSideId")).isEqualTo(ID);
    }

    @Test
    void aProviderWithoutTheZoneIsRefusedNamingTheField() {
        String server = webServer("zone", "pl-waw-1");

        PressResult result = scw.press("Server", "createScalewayServer", server);

        assertThat(result.message()).isEqualTo("Server.zone: pl-waw-1 is not one of the provider's zones fr-par-1, nl-ams-1");
        verify(0, getRequestedFor(anyUrl()));
    }
}
