package io.mvinfra.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static support.Fixtures.fixture;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.http.ProviderException.Kind;
import io.mvinfra.scaleway.ScalewayDialect;
import support.FakeTime;
import support.Stubs;
import support.TestHttp;

@WireMockTest
class RetryTest {

    private static final String SERVERS = "/instance/v1/zones/fr-par-1/servers/s1";

    private final FakeTime time = new FakeTime();
    private ProviderHttp scaleway;

    @BeforeEach
    void client(WireMockRuntimeInfo wm) {
        scaleway = ProviderHttp.builder(TestHttp.runtime(time), wm.getHttpBaseUrl(), new ScalewayDialect()).build();
    }

    @Test
    void rateLimitedGetWaitsAsLongAsRetryAfterSaysThenSucceeds() {
        stubInTurn(aResponse().withStatus(429).withHeader("Retry-After", "7"),
                okJson(fixture("scaleway/server.json")));

        JsonNode server = scaleway.get("instance/v1/zones/{zone}/servers/{id}", "fr-par-1", "s1").at("server").read(JsonNode.class);

        assertThat(server.path("name").asText()).isEqualTo("web-1");
        assertThat(time.sleeps()).singleElement().satisfies(wait ->
                assertThat(wait).isBetween(Duration.ofSeconds(7), Duration.ofSeconds(7).plus(TestHttp.settings().initialBackoff())));
        verify(2, getRequestedFor(urlEqualTo(SERVERS)));
    }

    @Test
    void retryAfterGivenAsAnHttpDateIsHonouredToo() {
        String in30s = DateTimeFormatter.RFC_1123_DATE_TIME.format(time.now().plusSeconds(30).atZone(ZoneOffset.UTC));
        stubInTurn(aResponse().withStatus(429).withHeader("Retry-After", in30s), okJson(fixture("scaleway/server.json")));

        scaleway.get(SERVERS).send();

        assertThat(time.sleeps()).singleElement().satisfies(wait -> assertThat(wait).isGreaterThanOrEqualTo(Duration.ofSeconds(30)));
    }

    @Test
    void rateLimitedWithoutRetryAfterBacksOffExponentiallyWithJitter() {
        stubInTurn(aResponse().withStatus(429), aResponse().withStatus(429), aResponse().withStatus(429),
                okJson(fixture("scaleway/server.json")));

        scaleway.get(SERVERS).send();

        Duration initial = TestHttp.settings().initialBackoff();
        assertThat(time.sleeps()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            Duration step = initial.multipliedBy(1L << i);
            assertThat(time.sleeps().get(i)).isBetween(step.dividedBy(2), step);
        }
    }

    @Test
    void retryAfterLongerThanTheSettingsAllowFailsAtOnceWithTheProvidersAnswer() {
        stubFor(get(SERVERS).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

        assertThatThrownBy(() -> scaleway.get(SERVERS).send())
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
                    assertThat(e.httpStatus()).isEqualTo(429);
                });
        assertThat(time.sleeps()).isEmpty();
        verify(1, getRequestedFor(urlEqualTo(SERVERS)));
    }

    @ParameterizedTest
    @ValueSource(ints = {502, 503, 504})
    void unavailableThenSuccessIsRetriedTransparently(int status) {
        stubInTurn(aResponse().withStatus(status), okJson(fixture("scaleway/server.json")));

        ProviderResponse answer = scaleway.get(SERVERS).send();

        assertThat(answer.status()).isEqualTo(200);
        verify(2, getRequestedFor(urlEqualTo(SERVERS)));
    }

    @Test
    void connectionResetThenSuccessIsRetried() {
        stubInTurn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), okJson(fixture("scaleway/server.json")));

        ProviderResponse answer = scaleway.get(SERVERS).send();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(time.sleeps()).hasSize(1);
    }

    @Test
    void stillUnavailableAfterEveryAttemptFailsWithTheLastAnswer() {
        stubFor(get(SERVERS).willReturn(aResponse().withStatus(503).withHeader("X-Request-Id", "req-503")));

        assertThatThrownBy(() -> scaleway.get(SERVERS).send())
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
                    assertThat(e.httpStatus()).isEqualTo(503);
                    assertThat(e.requestId()).isEqualTo("req-503");
                });
        verify(TestHttp.settings().maxAttempts(), getRequestedFor(urlEqualTo(SERVERS)));
    }

    @Test
    void a413SayingWhenToComeBackIsTemporaryAndOneWithoutOrWithZeroIsFinal() {
        stubInTurn(aResponse().withStatus(413).withHeader("Retry-After", "3"), okJson(fixture("scaleway/server.json")));

        scaleway.get(SERVERS).send();

        verify(2, getRequestedFor(urlEqualTo(SERVERS)));
        assertThat(time.slept()).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        for (String retryAfter : new String[] {null, "0"}) {
            WireMock.reset();
            var tooLarge = aResponse().withStatus(413);
            stubFor(get(SERVERS).willReturn(retryAfter == null ? tooLarge : tooLarge.withHeader("Retry-After", retryAfter)));

            assertThatThrownBy(() -> scaleway.get(SERVERS).send()).isInstanceOf(ProviderException.class);

            verify(1, getRequestedFor(urlEqualTo(SERVERS)));
        }
    }

    @Test
    void serverErrorIsNotRetried() {
        stubFor(get(SERVERS).willReturn(aResponse().withStatus(500)));

        assertThatThrownBy(() -> scaleway.get(SERVERS).send())
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.PROVIDER_ERROR));
        verify(1, getRequestedFor(urlEqualTo(SERVERS)));
    }

    @Test
    void putAndDeleteAreRetriedLikeGet() {
        Stubs.inTurn(() -> put(SERVERS), aResponse().withStatus(503), okJson(fixture("scaleway/server.json")));
        Stubs.inTurn(() -> delete(SERVERS), aResponse().withStatus(503), aResponse().withStatus(204));

        scaleway.put(SERVERS).body(Map.of("name", "web-1")).send();
        scaleway.delete(SERVERS).send();

        verify(2, putRequestedFor(urlEqualTo(SERVERS)));
        verify(2, deleteRequestedFor(urlEqualTo(SERVERS)));
    }

    @Test
    void postAndPatchAreSentOnceWhateverTheAnswer() {
        stubFor(post(SERVERS + "/action").willReturn(aResponse().withStatus(503)));
        stubFor(patch(SERVERS).willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> scaleway.post(SERVERS + "/action").body(Map.of("action", "reboot")).send())
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE));
        assertThatThrownBy(() -> scaleway.patch(SERVERS).body(Map.of("name", "web-2")).send())
                .isInstanceOf(ProviderException.class);

        verify(1, postRequestedFor(urlEqualTo(SERVERS + "/action")));
        verify(1, patchRequestedFor(urlEqualTo(SERVERS)));
    }

    @Test
    void aPostMarkedSafeToResendIsRetried() {
        Stubs.inTurn(() -> post("/v3/auth/tokens"), aResponse().withStatus(503), aResponse().withStatus(201).withBody("{}"));

        scaleway.post("v3/auth/tokens").body(Map.of("auth", Map.of())).safeToResend().send();

        verify(2, postRequestedFor(urlEqualTo("/v3/auth/tokens")));
    }

    private static void stubInTurn(ResponseDefinitionBuilder... answers) {
        Stubs.inTurn(() -> get(SERVERS), answers);
    }
}
