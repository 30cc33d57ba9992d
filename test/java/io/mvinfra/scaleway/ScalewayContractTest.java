package io.mvinfra.scaleway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static support.Fixtures.fixture;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.mvinfra.host.runtime.PressResult;
import support.ContractReplay;
import support.FakeTime;
import support.Prism;

/**
 * Every Instance API request the Scaleway server and image buttons build, checked against Scaleway's own OpenAPI document
 * (../shared/api-specs/scaleway-instance.yaml): the buttons run against WireMock answering as Scaleway would, then
 * each recorded request is replayed to Prism in validation mode, which must accept it; a request breaking the
 * document must be refused, or the check could not fail.
 */
class ScalewayContractTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String SERVERS = "/instance/v1/zones/fr-par-1/servers";
    private static final String RUNNING_ID = "1b7e2c1a-0000-4000-8000-000000000001";
    private static final String STOPPED_ID = "1b7e2c1a-0000-4000-8000-000000000003";
    private static final String CREATED_ID = "1b7e2c1a-0000-4000-8000-000000000005";
    private static final String IMAGES = "/instance/v1/zones/fr-par-1/images";
    private static final String IMAGE_ID = "36ecc902-7f70-42c9-89c0-88ad2811e4bf";
    private static final String SNAPSHOT_ID = "f0e1d2c3-bbbb-4a5b-8c7d-000000000001";

    private static Prism prism;
    private static ContractReplay contract;
    private static WireMockServer scaleway;

    @BeforeAll
    static void start() throws Exception {
        prism = Prism.start("scaleway-instance.yaml");
        contract = new ContractReplay(prism, List.of("X-Auth-Token", "Content-Type", "Accept"));
        scaleway = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        scaleway.start();
        answerAsScaleway();
    }

    @AfterAll
    static void stop() {
        if (scaleway != null) {
            scaleway.stop();
        }
        if (prism != null) {
            prism.close();
        }
    }

    @Test
    void prismAcceptsEveryInstanceRequestTheButtonsBuild() throws Exception {
        List<String> pressed = pressEveryButton();
        List<LoggedRequest> sent = ContractReplay.sentTo(scaleway);
        prism.clear();

        List<String> refused = contract.refused(sent);
        Map<String, Integer> kinds = ContractReplay.kinds(sent, UUID);

        assertThat(pressed).as("every button succeeded against the stub").allMatch(message -> message.startsWith("SUCCESS"));
        assertThat(kinds).containsKeys("GET /instance/v1/zones/fr-par-1/servers", "GET /instance/v1/zones/nl-ams-1/servers",
                "GET /instance/v1/zones/fr-par-1/products/servers", "POST /instance/v1/zones/fr-par-1/servers",
                "GET /instance/v1/zones/fr-par-1/servers/{id}", "POST /instance/v1/zones/fr-par-1/servers/{id}/action",
                "DELETE /instance/v1/zones/fr-par-1/servers/{id}", "GET /instance/v1/zones/fr-par-1/images",
                "POST /instance/v1/zones/fr-par-1/images", "DELETE /instance/v1/zones/fr-par-1/images/{id}");
        assertThat(refused).isEmpty();
        assertThat(prism.violations()).isEmpty();
    }

    @Test
    void prismRefusesARequestThatBreaksTheSpec() throws Exception {
        prism.clear();
        Map<String, String> token = Map.of("X-Auth-Token", ScalewayTestbed.SECRET_KEY);

        HttpResponse<String> noType = contract.send("POST", SERVERS, token, "{\"name\": \"dev-web-9\", \"image\": \"c4d5e6f7-2222-4b1c-8d2e-3f4a5b6c7d8e\"}");
        HttpResponse<String> unknownAction = contract.send("POST", SERVERS + "/" + RUNNING_ID + "/action", token, "{\"action\": \"explode\"}");

        assertThat(noType.statusCode()).isEqualTo(422);
        assertThat(unknownAction.statusCode()).isEqualTo(422);
        assertThat(prism.violations()).isNotEmpty();
    }

    /** Presses every Scaleway server button an operator has, on a running, a stopped and a new server. */
    private static List<String> pressEveryButton() {
        scaleway.resetRequests();
        List<String> messages = new ArrayList<>();
        try (ScalewayTestbed scw = ScalewayTestbed.at(scaleway.baseUrl(), new FakeTime())) {
            messages.add(outcome(scw.press("ServiceProvider", "listScalewayServers", scw.provider)));
            String running = scw.all("Server", "providerSideId", RUNNING_ID).get(0).uuid();
            String stopped = scw.all("Server", "providerSideId", STOPPED_ID).get(0).uuid();
            messages.add(outcome(scw.dryRun("Server", "turnServerOff", running)));
            messages.add(outcome(scw.press("Server", "turnServerOff", running)));
            String image = scw.create("Image", "name", "Ubuntu 22.04 Jammy Jellyfish", "providerSideId", "c4d5e6f7-2222-4b1c-8d2e-3f4a5b6c7d8e",
                    "zone", "fr-par-1", "provider", scw.provider);
            String created = scw.server("instanceName", "dev-web-9", "zone", "fr-par-1", "serverType", "DEV1-S", "image", image,
                    "tags", List.of("web", "mv-infra"));
            messages.add(outcome(scw.press("Server", "createScalewayServer", created)));
            messages.add(outcome(scw.press("Server", "deleteScalewayServer", stopped)));
            messages.add(outcome(scw.press("ServiceProvider", "listScalewayServerImages", scw.provider)));
            String snapshot = scw.snapshot("name", "data-1-daily", "zone", "fr-par-1", "providerSideId", SNAPSHOT_ID, "state", "available");
            String gold = scw.image("name", "web-gold", "arch", "x86_64", "rootSnapshot", snapshot);
            messages.add(outcome(scw.press("Image", "createScalewayImage", gold)));
            messages.add(outcome(scw.press("Image", "deleteScalewayImage", gold)));
        }
        return messages;
    }

    /** Scaleway as the stub plays it: every server reaches at once the state its action leads to. */
    private static void answerAsScaleway() {
        String paged = "X-Total-Count";
        scaleway.stubFor(get(urlPathEqualTo(SERVERS)).willReturn(okJson(fixture("scaleway/servers-fr-par-1-page-1.json")).withHeader(paged, "3")
                .withHeader("Link", "</servers?page=2&per_page=100>; rel=\"next\"")));
        scaleway.stubFor(get(urlPathEqualTo(SERVERS)).withQueryParam("page", equalTo("2"))
                .willReturn(okJson(fixture("scaleway/servers-fr-par-1-page-2.json")).withHeader(paged, "3")));
        scaleway.stubFor(get(urlPathEqualTo("/instance/v1/zones/nl-ams-1/servers")).willReturn(okJson(fixture("scaleway/servers-nl-ams-1.json"))
                .withHeader(paged, "1")));
        scaleway.stubFor(get(urlPathEqualTo("/instance/v1/zones/fr-par-1/products/servers"))
                .willReturn(okJson(fixture("scaleway/products-servers.json")).withHeader(paged, "3")));
        scaleway.stubFor(get(SERVERS + "/" + RUNNING_ID).inScenario("off").whenScenarioStateIs(STARTED)
                .willReturn(okJson(server(RUNNING_ID, "dev-web-1", "running"))));
        scaleway.stubFor(get(SERVERS + "/" + STOPPED_ID).willReturn(okJson(server(STOPPED_ID, "int-api-1", "stopped"))));
        scaleway.stubFor(get(SERVERS + "/" + CREATED_ID).willReturn(okJson(server(CREATED_ID, "dev-web-9", "running"))));
        scaleway.stubFor(post(SERVERS).willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody(fixture("scaleway/server-created.json"))));
        scaleway.stubFor(post(urlPathMatching(SERVERS + "/" + UUID + "/action"))
                .willReturn(okJson("{\"task\": {\"id\": \"9f8e7d6c-7777-4a1b-8c2d-3e4f5a6b7c8d\", \"status\": \"pending\"}}")));
        scaleway.stubFor(delete(SERVERS + "/" + STOPPED_ID).willReturn(noContent()));
        for (String zone : new String[] {"fr-par-1", "nl-ams-1"}) {
            scaleway.stubFor(get(urlPathEqualTo("/instance/v1/zones/" + zone + "/images")).willReturn(okJson("{\"images\": []}")
                    .withHeader(paged, "0")));
        }
        scaleway.stubFor(post(IMAGES).willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody(fixture("scaleway/image-created.json"))));
        scaleway.stubFor(get(IMAGES + "/" + IMAGE_ID).willReturn(okJson(fixture("scaleway/image-available.json"))));
        scaleway.stubFor(delete(IMAGES + "/" + IMAGE_ID).willReturn(noContent()));
        // Powered off, the running server reads stopped: the wait ends on its first look.
        scaleway.stubFor(post(SERVERS + "/" + RUNNING_ID + "/action").inScenario("off").whenScenarioStateIs(STARTED).willSetStateTo("off")
                .willReturn(okJson("{\"task\": {\"id\": \"9f8e7d6c-7777-4a1b-8c2d-3e4f5a6b7c8d\", \"status\": \"pending\"}}")));
        scaleway.stubFor(get(SERVERS + "/" + RUNNING_ID).inScenario("off").whenScenarioStateIs("off")
                .willReturn(okJson(server(RUNNING_ID, "dev-web-1", "stopped"))));
    }

    private static String server(String id, String name, String state) {
        String allowed = "running".equals(state) ? "\"poweroff\", \"terminate\", \"reboot\", \"stop_in_place\", \"backup\"" : "\"poweron\", \"backup\"";
        return "{\"server\": {\"id\": \"" + id + "\", \"name\": \"" + name + "\", \"commercial_type\": \"DEV1-S\", \"state\": \"" + state
                + "\", \"zone\": \"fr-par-1\", \"tags\": [], \"allowed_actions\": [" + allowed + "], \"volumes\": {}}}";
    }

    private static String outcome(PressResult result) {
        return result.outcome() + ": " + result.message();
    }
}
