package io.mvinfra.scaleway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
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

/** Server → "Update on Scaleway" ({@link UpdateScalewayServer}); also where Scaleway's refusals and 429 are told. */
@WireMockTest
class UpdateScalewayServerTest {

    private static final String ID = "1b7e2c1a-0000-4000-8000-000000000001";
    private static final String SERVER = "/instance/v1/zones/fr-par-1/servers/" + ID;

    private final FakeTime time = new FakeTime();
    private ScalewayTestbed scw;
    private String server;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        scw = ScalewayTestbed.at(wm.getHttpBaseUrl(), time);
        server = scw.server("instanceName", "dev-web-1", "zone", "fr-par-1", "serverType", "DEV1-S", "providerSideId", ID,
                "tags", List.of("web"));
        stubFor(get(SERVER).willReturn(okJson(current())));
    }

    @AfterEach
    void close() {
        scw.close();
    }

    private static String current() {
        return fixture("scaleway/server-dev-web-1.json");
    }

    @Test
    void sendsOnlyWhatDiffersAndTakesScalewaysAnswer() {
        scw.update("Server", server, "instanceName", "dev-web-01", "tags", List.of("web", "frontend"), "isProtected", true);
        stubFor(patch(SERVER).willReturn(okJson(current().replace("\"dev-web-1\"", "\"dev-web-01\""))));

        PressResult result = scw.press("Server", "updateScalewayServer", server);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).isEqualTo("Server dev-web-01 updated at Scaleway: instanceName, tags, isProtected");
        verify(patchRequestedFor(urlPathEqualTo(SERVER))
                .withRequestBody(equalToJson("{\"name\": \"dev-web-01\", \"tags\": [\"web\", \"frontend\"], \"protected\": true}")));
    }

    @Test
    void nothingChangedSendsNothing() {
        PressResult result = scw.press("Server", "updateScalewayServer", server);

        assertThat(result.message()).startsWith("Server dev-web-1: nothing to change at Scaleway");
        verify(0, patchRequestedFor(anyUrl()));
    }

    @Test
    void anotherImageIsRefusedNamingTheField() {
        String other = scw.create("Image", "name", "Debian 12", "providerSideId", "d1e2f3a4-2222-4b1c-8d2e-3f4a5b6c7d8e", "zone", "fr-par-1",
                "provider", scw.provider);
        scw.update("Server", server, "image", other);

        PressResult result = scw.press("Server", "updateScalewayServer", server);

        assertThat(result.message()).isEqualTo("Server.image: cannot change once the server exists (it runs image"
                + " c4d5e6f7-2222-4b1c-8d2e-3f4a5b6c7d8e at Scaleway): create a new server from the other image");
        verify(0, patchRequestedFor(anyUrl()));
    }

    @Test
    void aVolumeAddedWhileRunningIsRefusedWithTheReason() {
        String data = scw.create("Volume", "name", "data-1", "providerSideId", "7a8b9c0d-5555-4e6f-8a9b-00000000d001", "zone", "fr-par-1",
                "provider", scw.provider, "volumeType", "l_ssd", "size", 10_000_000_000L);
        scw.update("Server", server, "additionalVolumes", Map.of("1", data));

        PressResult result = scw.press("Server", "updateScalewayServer", server);

        assertThat(result.message()).isEqualTo("Server.additionalVolumes: volumes can't be added or removed while the server is running:"
                + " power it off first");
        verify(0, patchRequestedFor(anyUrl()));
    }

    @Test
    void invalidArgumentsAreToldWithEachDetail() {
        scw.update("Server", server, "tags", List.of("web", "x"));
        stubFor(patch(SERVER).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody(fixture("scaleway/error-invalid-arguments.json"))));

        PressResult result = scw.press("Server", "updateScalewayServer", server);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).startsWith("Scaleway refused the request (HTTP 400, invalid_arguments)");
    }

    @Test
    void a429WithRetryAfterIsWaitedOutAndTheUpdateGoesThrough() {
        scw.update("Server", server, "tags", List.of("web", "frontend"));
        stubFor(patch(SERVER).inScenario("busy").whenScenarioStateIs(STARTED)
                .willSetStateTo("free").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")
                        .withHeader("Content-Type", "application/json").withBody("{\"type\": \"too_many_requests\", \"message\": \"slow down\"}")));
        stubFor(patch(SERVER).inScenario("busy").whenScenarioStateIs("free").willReturn(okJson(current())));

        PressResult result = scw.press("Server", "updateScalewayServer", server);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(time.sleeps()).anySatisfy(d -> assertThat(d.toSeconds()).isGreaterThanOrEqualTo(7));
        verify(2, patchRequestedFor(urlPathEqualTo(SERVER)));
    }

    @Test
    void a429WithoutRetryAfterBacksOffAndTriesAgain() {
        scw.update("Server", server, "tags", List.of("web", "frontend"));
        stubFor(patch(SERVER).inScenario("busy").whenScenarioStateIs(STARTED)
                .willSetStateTo("free").willReturn(aResponse().withStatus(429)
                        .withHeader("Content-Type", "application/json").withBody("{\"type\": \"too_many_requests\", \"message\": \"slow down\"}")));
        stubFor(patch(SERVER).inScenario("busy").whenScenarioStateIs("free").willReturn(okJson(current())));

        PressResult result = scw.press("Server", "updateScalewayServer", server);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(time.slept()).isPositive();
        verify(2, patchRequestedFor(urlPathEqualTo(SERVER)));
    }
}
