package io.mvinfra.scaleway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.mvinfra.scaleway.ServerStubs.ACTION;
import static io.mvinfra.scaleway.ServerStubs.ID;
import static io.mvinfra.scaleway.ServerStubs.serverGoes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.host.runtime.AuditEntry.Outcome;
import io.mvinfra.host.runtime.PressResult;
import io.mvinfra.host.store.StoredEntity;
import support.FakeTime;

/**
 * Server → "Power off" ({@link PowerOffServer}) against a stub that plays the server's states: the press waits on
 * the server itself (on a fake clock, so ten minutes of waiting take none) and every step is a ServerAction.
 */
@WireMockTest
class PowerOffServerTest {


    private final FakeTime time = new FakeTime();
    private ScalewayTestbed scw;
    private String server;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        scw = ScalewayTestbed.at(wm.getHttpBaseUrl(), time);
        server = scw.server("instanceName", "dev-web-1", "zone", "fr-par-1", "serverType", "DEV1-S", "providerSideId", ID,
                "status", "running", "allowedActions", List.of("poweroff", "terminate", "reboot", "stop_in_place", "backup"));
    }

    @AfterEach
    void close() {
        scw.close();
    }

    private StoredEntity onlyAction() {
        List<StoredEntity> actions = scw.all("ServerAction", "server", server);
        assertThat(actions).hasSize(1);
        return actions.get(0);
    }

    @Test
    void powersTheServerOffWaitsForStoppedAndRecordsTheAction() {
        serverGoes("running", "stopping", "stopping", "stopped");

        PressResult result = scw.press("Server", "turnServerOff", server);

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).isEqualTo("Server dev-web-1: poweroff done, now stopped");
        verify(postRequestedFor(urlPathEqualTo(ACTION)).withRequestBody(equalToJson("{\"action\": \"poweroff\"}"))
                .withHeader("X-Auth-Token", equalTo(ScalewayTestbed.SECRET_KEY)));
        assertThat(scw.field("Server", server, "status")).isEqualTo("stopped");
        assertThat(scw.field("Server", server, "allowedActions")).isEqualTo(List.of("poweron", "backup"));
        StoredEntity action = onlyAction();
        assertThat(action.value("action")).isEqualTo("poweroff");
        assertThat(action.value("outcome")).isEqualTo("success");
        assertThat(action.value("progress")).isEqualTo(100L);
        assertThat(action.value("providerSideId")).isEqualTo("9f8e7d6c-7777-4a1b-8c2d-3e4f5a6b7c8d");
        assertThat(action.value("responseStatus")).isEqualTo("stopped");
        assertThat(action.value("endedDate")).isNotNull();
        assertThat(time.slept()).as("waited on the fake clock").isPositive();
    }

    @Test
    void aServerFallingBackToRunningFailsFastAndTheFailureIsKeptThoughThePressRollsBack() {
        serverGoes("running", "stopping", "running");

        PressResult result = scw.press("Server", "turnServerOff", server);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).contains("Server dev-web-1 went running again while waiting for stopped");
        StoredEntity action = onlyAction();
        assertThat(action.value("outcome")).isEqualTo("failure");
        assertThat((String) action.value("response")).contains("went running again");
        assertThat(scw.field("Server", server, "status")).as("the press's own writes roll back").isEqualTo("running");
    }

    @Test
    void aServerThatNeverStopsFailsAtTheDeadlineNamingTheStateAndTheTimeWaited() {
        serverGoes("running", "stopping");

        PressResult result = scw.press("Server", "turnServerOff", server);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).contains("is still stopping after 10 min", "waiting for stopped");
        assertThat(onlyAction().value("outcome")).isEqualTo("failure");
    }

    @Test
    void anActionTheServersStateForbidsIsRefusedBeforeAnythingIsSent() {
        serverGoes("stopped");

        PressResult result = scw.press("Server", "turnServerOff", server);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).isEqualTo("Server dev-web-1 is stopped: Scaleway does not allow poweroff now (allowed: poweron, backup)");
        verify(0, postRequestedFor(urlPathEqualTo(ACTION)));
        assertThat(scw.all("ServerAction", "server", server)).isEmpty();
    }

    @Test
    void aDryRunSaysWhatWouldBeSentAndSendsNothing(WireMockRuntimeInfo wm) {
        serverGoes("running");

        PressResult result = scw.dryRun("Server", "turnServerOff", server);

        assertThat(result.message()).isEqualTo("Dry run: POST " + wm.getHttpBaseUrl() + ACTION + " {\"action\":\"poweroff\"}");
        verify(0, postRequestedFor(urlPathEqualTo(ACTION)));
        assertThat(scw.all("ServerAction", "server", server)).isEmpty();
    }

    @Test
    void scalewaysRefusalOfTheActionReachesTheOperatorWithItsTypeAndIsRecorded() {
        serverGoes("running");
        stubFor(post(ACTION).inScenario("power").whenScenarioStateIs(STARTED).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"type\": \"transient_state\", \"message\": \"resource is in a transient state\", \"resource\": \"instance_server\","
                        + " \"resource_id\": \"" + ID + "\", \"current_state\": \"stopping\"}")));

        PressResult result = scw.press("Server", "turnServerOff", server);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).startsWith("Scaleway refused the request (HTTP 400, transient_state): resource is in a transient state")
                .contains("instance_server " + ID + " is stopping");
        assertThat(onlyAction().value("outcome")).isEqualTo("failure");
    }
}
