package io.mvinfra.scaleway;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
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
import support.FakeTime;

/**
 * What every Scaleway power button must do, each button's test saying only its action and the states it goes
 * through: sent, waited for on the server's state, recorded as a ServerAction; a fall back to where the server
 * started fails, and the failure is kept.
 */
@WireMockTest
abstract class PowerButtonTest {

    private ScalewayTestbed scw;
    private String server;

    /** The button's code, Scaleway's action, the states of a good run (first to last), and where a failed run ends. */
    abstract String button();

    abstract String action();

    abstract List<String> goodRun();

    abstract String fallBack();

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        scw = ScalewayTestbed.at(wm.getHttpBaseUrl(), new FakeTime());
        server = scw.server("instanceName", "dev-web-1", "zone", "fr-par-1", "serverType", "DEV1-S", "providerSideId", ID,
                "status", goodRun().get(0), "allowedActions", List.of(action()));
    }

    @AfterEach
    void close() {
        scw.close();
    }

    @Test
    void sendsTheActionWaitsForTheStateAndRecordsIt() {
        serverGoes(goodRun().toArray(String[]::new));
        String reached = goodRun().get(goodRun().size() - 1);

        PressResult result = scw.press("Server", button(), server);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).isEqualTo("Server dev-web-1: " + action() + " done, now " + reached);
        verify(postRequestedFor(urlPathEqualTo(ACTION)).withRequestBody(equalToJson("{\"action\": \"" + action() + "\"}")));
        assertThat(scw.field("Server", server, "status")).isEqualTo(reached);
        assertThat(scw.all("ServerAction", "server", server)).singleElement().satisfies(a -> {
            assertThat(a.value("action")).isEqualTo(action());
            assertThat(a.value("outcome")).isEqualTo("success");
        });
    }

    @Test
    void aServerFallingBackFailsAndTheFailureIsKept() {
        serverGoes(goodRun().get(0), goodRun().get(1), fallBack());

        PressResult result = scw.press("Server", button(), server);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(scw.all("ServerAction", "server", server)).singleElement()
                .satisfies(a -> assertThat(a.value("outcome")).isEqualTo("failure"));
    }
}
