package io.mvinfra.scaleway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static support.Fixtures.fixture;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import support.CliRun;
import support.FakeTime;
import support.SharedRuntimeSwap;
import support.TestHosts;
import support.TestHttp;

/**
 * An operator's server from the CLI, against a stub that plays the server's life at Scaleway: create it from an
 * image (it boots), power it off, back it up, delete it with its volumes; after each step the entities, the
 * ServerAction records and the audit trail say what happened, by names, not uuids.
 */
@WireMockTest
class ScalewayCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SERVERS = "/instance/v1/zones/fr-par-1/servers";
    private static final String ID = "1b7e2c1a-0000-4000-8000-000000000005";
    private static final String ROOT = "7a8b9c0d-5555-4e6f-8a9b-000000000005";
    private static final String IMAGE_ID = "e5f6a7b8-9999-4c1d-8e2f-3a4b5c6d7e8f";

    @TempDir
    Path home;
    /** The CLI runs in this JVM and presses on the shared HTTP runtime; no testbed here brings one. */
    private SharedRuntimeSwap runtime;

    @BeforeEach
    void fakeClock() {
        runtime = SharedRuntimeSwap.in(TestHttp.runtime(new FakeTime()));
    }

    @AfterEach
    void realClock() {
        runtime.close();
    }

    private CliRun run(String... args) {
        return CliRun.on(home, TestHosts.projectDir(), args);
    }

    private static JsonNode json(CliRun run) {
        try {
            return JSON.readTree(run.out());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + run.out() + run.err(), e);
        }
    }

    private static String server(String state, String allowed) {
        return "{\"server\": {\"id\": \"" + ID + "\", \"name\": \"dev-web-9\", \"commercial_type\": \"DEV1-S\", \"state\": \"" + state
                + "\", \"zone\": \"fr-par-1\", \"tags\": [\"web\"], \"allowed_actions\": [" + allowed + "], \"arch\": \"x86_64\","
                + " \"volumes\": {\"0\": {\"id\": \"" + ROOT + "\", \"name\": \"dev-web-9-root\", \"size\": 20000000000, \"volume_type\": \"l_ssd\"}}}}";
    }

    /** The server's life at Scaleway: each action moves it on, and it answers as the state it is in. */
    private static void scalewayPlaysTheServer() {
        String stopped = server("stopped", "\"poweron\", \"backup\"");
        String running = server("running", "\"poweroff\", \"terminate\", \"reboot\", \"stop_in_place\", \"backup\"");
        String task = "{\"task\": {\"id\": \"0c1d2e3f-8888-4a1b-8c2d-3e4f5a6b7c8d\", \"status\": \"pending\", \"href_result\": \"/images/" + IMAGE_ID + "\"}}";
        stubFor(get(urlPathEqualTo("/instance/v1/zones/fr-par-1/products/servers")).willReturn(okJson(fixture("scaleway/products-servers.json"))
                .withHeader("X-Total-Count", "3")));
        stubFor(post(SERVERS).inScenario("life").whenScenarioStateIs(STARTED).willSetStateTo("stopped")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(stopped)));
        stubFor(get(SERVERS + "/" + ID).inScenario("life").whenScenarioStateIs("stopped").willReturn(okJson(stopped)));
        stubFor(get(SERVERS + "/" + ID).inScenario("life").whenScenarioStateIs("running").willReturn(okJson(running)));
        stubFor(post(SERVERS + "/" + ID + "/action").withRequestBody(matchingJsonPath("$.action", equalTo("poweron")))
                .inScenario("life").whenScenarioStateIs("stopped").willSetStateTo("running").willReturn(okJson(task)));
        stubFor(post(SERVERS + "/" + ID + "/action").withRequestBody(matchingJsonPath("$.action", equalTo("poweroff")))
                .inScenario("life").whenScenarioStateIs("running").willSetStateTo("stopped").willReturn(okJson(task)));
        stubFor(post(SERVERS + "/" + ID + "/action").withRequestBody(matchingJsonPath("$.action", equalTo("backup")))
                .willReturn(okJson(task)));
        stubFor(get("/instance/v1/zones/fr-par-1/images/" + IMAGE_ID).willReturn(okJson("{\"image\": {\"id\": \"" + IMAGE_ID + "\","
                + " \"name\": \"before-upgrade\", \"state\": \"available\", \"zone\": \"fr-par-1\", \"from_server\": \"" + ID + "\","
                + " \"root_volume\": {\"id\": \"f0e1d2c3-bbbb-4a5b-8c7d-000000000005\", \"name\": \"before-upgrade-root\", \"size\": 20000000000}}}")));
        stubFor(delete(SERVERS + "/" + ID).inScenario("life").whenScenarioStateIs("stopped").willSetStateTo("gone").willReturn(noContent()));
        stubFor(delete("/instance/v1/zones/fr-par-1/volumes/" + ROOT).willReturn(noContent()));
    }

    @Test
    void createPowerOffBackUpAndDeleteWithVolumesEachVisibleInTheEntitiesActionsAndAudit(WireMockRuntimeInfo wm) {
        scalewayPlaysTheServer();
        String credential = run("entity", "create", "Credential", "domainName=api.scaleway.com", "authenticationType=SCALEWAY_SECRET_KEY",
                "apiKey=" + ScalewayTestbed.SECRET_KEY).out().strip();
        assertThat(run("entity", "create", "ServiceProvider", "code=scw-main", "kind=SCALEWAY", "apiBaseUrl=" + wm.getHttpBaseUrl(),
                "credential=" + credential, "zones=fr-par-1").code()).isZero();
        assertThat(run("entity", "create", "Image", "name=ubuntu-jammy", "providerSideId=c4d5e6f7-2222-4b1c-8d2e-3f4a5b6c7d8e",
                "zone=fr-par-1", "provider=scw-main").code()).isZero();
        assertThat(run("entity", "create", "Server", "instanceName=dev-web-9", "zone=fr-par-1", "serverType=DEV1-S", "image=ubuntu-jammy",
                "provider=scw-main", "tags=web").code()).isZero();

        CliRun created = run("action", "run", "Server", "createScalewayServer", "dev-web-9");
        JsonNode afterCreate = json(run("entity", "get", "Server", "dev-web-9", "--json"));
        CliRun off = run("action", "run", "Server", "turnServerOff", "dev-web-9");
        JsonNode afterOff = json(run("entity", "get", "Server", "dev-web-9", "--json"));
        CliRun backup = run("action", "run", "Server", "backupServer", "dev-web-9", "-p", "backupName=before-upgrade");
        CliRun refused = run("action", "run", "Server", "deleteScalewayServerWithVolumes", "dev-web-9");
        CliRun deleted = run("action", "run", "Server", "deleteScalewayServerWithVolumes", "dev-web-9", "--yes");
        JsonNode afterDelete = json(run("entity", "get", "Server", "dev-web-9", "--json"));
        JsonNode actions = json(run("entity", "list", "ServerAction", "--json"));
        JsonNode audit = json(run("audit", "--json"));

        assertThat(created.code()).as(created.err()).isZero();
        assertThat(created.out()).contains("Server dev-web-9 created (id " + ID + ") and running in fr-par-1; DEV1-S costs €0.0099 an hour");
        assertThat(afterCreate.toString()).contains("\"providerSideId\":\"" + ID + "\"", "\"status\":\"running\"");
        assertThat(off.code()).as(off.err()).isZero();
        assertThat(off.out()).contains("Server dev-web-9: poweroff done, now stopped");
        assertThat(afterOff.toString()).contains("\"status\":\"stopped\"");
        assertThat(backup.code()).as(backup.err()).isZero();
        assertThat(backup.out()).contains("backed up as image before-upgrade (id " + IMAGE_ID + ") with 1 snapshots");
        assertThat(refused.code()).as("a destructive press asks first; without a terminal it needs --yes").isEqualTo(2);
        assertThat(deleted.code()).as(deleted.err()).isZero();
        assertThat(deleted.out()).contains("Server dev-web-9 deleted at Scaleway with its 1 volumes");
        assertThat(afterDelete.toString()).doesNotContain(ID).contains("\"missingAtProvider\":true");
        List<String> recorded = new ArrayList<>();
        actions.findValues("action").forEach(a -> recorded.add(a.asText()));
        assertThat(recorded).containsExactlyInAnyOrder("poweron", "poweroff", "backup", "terminate");
        assertThat(actions.findValues("outcome")).allSatisfy(o -> assertThat(o.asText()).isEqualTo("success"));
        List<String> pressed = new ArrayList<>();
        audit.findValues("action").forEach(a -> pressed.add(a.asText()));
        assertThat(pressed).contains("createScalewayServer", "turnServerOff", "backupServer", "deleteScalewayServerWithVolumes");
        assertThat(run("entity", "list", "Image", "--json").out()).contains(IMAGE_ID);
        assertThat(created.out() + off.out() + backup.out() + deleted.out() + created.err()).doesNotContain(ScalewayTestbed.SECRET_KEY);
    }
}
