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

/** Server → Scaleway's {@code stop_in_place} ({@link StopServerInPlace}): sent, waited for on the server's state, recorded. */
@WireMockTest
class StopServerInPlaceTest {

    private final FakeTime time = new FakeTime();
    private ScalewayTestbed scw;
    private HttpRuntime previous;
    private String server;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        previous = HttpRuntime.useShared(TestHttp.runtime(time));
        scw = ScalewayTestbed.at(wm.getHttpBaseUrl());
        server = scw.server("instanceName", "dev-web-1", "zone", "fr-par-1", "serverType", "DEV1-S", "providerSideId", ID,
                "status", "running", "allowedActions", List.of("stop_in_place"));
    }

    @AfterEach
    void close() {
        scw.close();
        HttpRuntime.useShared(previous);
    }

    @Test
    void sendsTheActionWaitsForTheStateAndRecordsIt() {
        serverGoes("running", "stopping", "stopping", "stopped in place");

        PressResult result = scw.press("Server", "stopInPlace", server);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).isEqualTo("Server dev-web-1: stop_in_place done, now stopped in place");
        verify(postRequestedFor(urlPathEqualTo(ACTION)).withRequestBody(equalToJson("{\"action\": \"stop_in_place\"}")));
        assertThat(scw.field("Server", server, "status")).isEqualTo("stopped in place");
        assertThat(scw.all("ServerAction", "server", server)).singleElement().satisfies(a -> {
            assertThat(a.value("action")).isEqualTo("stop_in_place");
            assertThat(a.value("outcome")).isEqualTo("success");
        });
    }

    @Test
    void aServerFallingBackToWhereItStartedFailsAndTheFailureIsKept() {
        serverGoes("running", "stopping", "running");

        PressResult result = scw.press("Server", "stopInPlace", server);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(scw.all("ServerAction", "server", server)).singleElement()
                .satisfies(a -> assertThat(a.value("outcome")).isEqualTo("failure"));
    }
}
