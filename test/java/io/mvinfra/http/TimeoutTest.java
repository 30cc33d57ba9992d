package io.mvinfra.http;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.http.ProviderException.Kind;
import io.mvinfra.openstack.OpenStackDialect;
import support.FakeTime;
import support.TestHttp;

/** Connect, read and whole-call timeouts come from the settings, and each ends in an exception that says which. */
@WireMockTest
class TimeoutTest {

    private final FakeTime time = new FakeTime();

    @Test
    void readTimeoutOnAGetIsRetriedThenReportedAsATimeout(WireMockRuntimeInfo wm) {
        stubFor(get(urlPathEqualTo("/v2.1/servers")).willReturn(okJson("{\"servers\":[]}").withFixedDelay(2000)));
        HttpSettings settings = TestHttp.settings().withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(700), Duration.ofSeconds(10))
                .withRetries(2, Duration.ofMillis(100), Duration.ofSeconds(1));

        ProviderException e = catchThrowableOfType(ProviderException.class, () -> nova(wm.getHttpBaseUrl(), settings).get("v2.1/servers").send());

        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(e.httpStatus()).isZero();
        assertThat(e.getMessage()).startsWith("nova: no answer to GET " + wm.getHttpBaseUrl() + "/v2.1/servers in time "
                + "(connect 1 s, read 700 ms, whole call 10 s)");
        verify(2, getRequestedFor(urlPathEqualTo("/v2.1/servers")));
    }

    @Test
    void wholeCallTimeoutBoundsTheCallRetriesIncluded(WireMockRuntimeInfo wm) {
        stubFor(get(urlPathEqualTo("/v2.1/servers")).willReturn(okJson("{\"servers\":[]}").withFixedDelay(3000)));
        HttpSettings settings = TestHttp.settings().withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMillis(800));

        ProviderException e = catchThrowableOfType(ProviderException.class, () -> nova(wm.getHttpBaseUrl(), settings).get("v2.1/servers").send());

        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(e.getMessage()).contains("whole call 800 ms");
        verify(1, getRequestedFor(urlPathEqualTo("/v2.1/servers")));
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void refusedConnectionIsRetriedThenReportedAsUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> nova("http://127.0.0.1:" + closedPort, TestHttp.settings()).get("v2.1/servers").send());

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.getMessage()).startsWith("nova: could not reach 127.0.0.1:" + closedPort + " for GET /v2.1/servers: ");
        assertThat(time.sleeps()).hasSize(TestHttp.settings().maxAttempts() - 1);
    }

    private ProviderHttp nova(String baseUrl, HttpSettings settings) {
        return ProviderHttp.builder(new HttpRuntime(settings, time), baseUrl, new OpenStackDialect("nova")).build();
    }
}
