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
import io.mvinfra.http.HttpRuntime;
import support.FakeTime;
import support.TestHttp;

/** Server → Scaleway's {@code poweron} ({@link PowerOnServer}): sent, waited for on the server's state, recorded. */
@WireMockTest
class PowerOnServerTest {

    private final FakeTime time = new FakeTime();
    private ScalewayTestbed scw;
    private HttpRuntime previous;
    private String server;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        previous = HttpRuntime.useShared(TestHttp.runtime(time));
        scw = ScalewayTestbed.at(wm.getHttpBaseUrl());
        server = scw.server("instanceName", "dev-web-1", "zone", "fr-par-1", "serverType", "DEV1-S", "providerSideId", ID,
                "status", "stopped", "allowedActions", List.of("poweron"));
    }

    @AfterEach
    void close() {
        scw.close();
        HttpRuntime.useShared(previous);
    }

    @Test
    void sendsTheActionWaitsForTheStateAndRecordsIt() {
        serverGoes("stopped", "starting", "starting", "running");

        PressResult result = scw.press("Server", "turnServerOn", server);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).isEqualTo("Server dev-web-1: poweron done, now running");
        verify(postRequestedFor(urlPathEqualTo(ACTION)).withRequestBody(equalToJson("{\"action\": \"poweron\"}")));
        assertThat(scw.field("Server", server, "status")).isEqualTo("running");
        assertThat(scw.all("ServerAction", "server", server)).singleElement().satisfies(a -> {
            assertThat(a.value("action")).isEqualTo("poweron");
            assertThat(a.value("outcome")).isEqualTo("success");
        });
    }

    @Test
    void aServerFallingBackToWhereItStartedFailsAndTheFailureIsKept() {
        serverGoes("stopped", "starting", "stopped");

        PressResult result = scw.press("Server", "turnServerOn", server);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(scw.all("ServerAction", "server", server)).singleElement()
                .satisfies(a -> assertThat(a.value("outcome")).isEqualTo("failure"));
    }
}
