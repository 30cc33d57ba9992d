package io.mvinfra.http;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import io.mvinfra.http.ProviderException.Kind;
import io.mvinfra.openstack.OpenStackDialect;
import support.FakeTime;
import support.TestHttp;

/** The client-side limiter keeps a credential under its limit in every window, so a burst of buttons earns no 429. */
class RateLimiterTest {

    private static final RateLimit CLOUDFLARE = RateLimit.of(1200, Duration.ofMinutes(5));

    /** When each request reached the provider, on the test's clock. */
    private static final List<Long> ARRIVALS = Collections.synchronizedList(new ArrayList<>());
    private static volatile FakeTime clock;

    @RegisterExtension
    static WireMockExtension provider = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensions(new ServeEventListener() {
                @Override
                public void beforeResponseSent(ServeEvent event, Parameters parameters) {
                    ARRIVALS.add(clock.nanoTime());
                }

                @Override
                public String getName() {
                    return "arrivals-on-the-fake-clock";
                }
            }))
            .build();

    private final FakeTime time = new FakeTime();

    @BeforeEach
    void clock() {
        clock = time;
        ARRIVALS.clear();
        provider.stubFor(get(urlPathEqualTo("/v2.1/servers/detail")).willReturn(okJson("{\"servers\":[]}")));
    }

    @Test
    void burstOf3000NeverPutsMoreThan1200InAnyFiveMinutes() throws Exception {
        RateLimiter limiter = new RateLimiter(CLOUDFLARE, time);
        List<Long> sent = new ArrayList<>();

        for (int i = 0; i < 3000; i++) {
            limiter.acquire("cloudflare", Duration.ofMinutes(10));
            sent.add(time.nanoTime());
        }

        assertAtMostInAnyWindow(sent, CLOUDFLARE);
        assertThat(sent.subList(0, 1200)).containsOnly(sent.get(0));
        assertThat(Duration.ofNanos(sent.get(2999) - sent.get(0))).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void concurrentCallersShareOneBudgetInOrderOfArrival() throws Exception {
        RateLimit limit = RateLimit.of(50, Duration.ofSeconds(10));
        RateLimiter limiter = new RateLimiter(limit, time);
        List<Long> slots = Collections.synchronizedList(new ArrayList<>());
        ExecutorService callers = Executors.newFixedThreadPool(8);

        for (int i = 0; i < 800; i++) {
            callers.submit(() -> slots.add(time.nanoTime() + limiter.reserve(Duration.ofHours(1)).toNanos()));
        }
        callers.shutdown();
        assertThat(callers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(slots).hasSize(800);
        assertAtMostInAnyWindow(slots, limit);
    }

    @Test
    void burstOfButtonsReachesTheProviderUnderTheLimit() {
        RateLimit limit = RateLimit.of(10, Duration.ofMinutes(1));
        HttpRuntime runtime = TestHttp.runtime(time);

        for (int press = 0; press < 35; press++) {
            nova(runtime, "credential-1", limit).get("v2.1/servers/detail").send();   // a new client per button press
        }

        assertThat(ARRIVALS).hasSize(35);
        assertAtMostInAnyWindow(ARRIVALS, limit);
        provider.verify(35, getRequestedFor(urlPathEqualTo("/v2.1/servers/detail")));
    }

    @Test
    void callThatWouldWaitLongerThanAllowedFailsWithoutBeingSent() {
        HttpRuntime runtime = new HttpRuntime(TestHttp.settings().withMaxRateLimitWait(Duration.ofSeconds(10)), time);
        ProviderHttp nova = nova(runtime, "credential-1", RateLimit.of(2, Duration.ofMinutes(1)));
        nova.get("v2.1/servers/detail").send();
        nova.get("v2.1/servers/detail").send();

        assertThatThrownBy(() -> nova.get("v2.1/servers/detail").send())
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
                    assertThat(e.httpStatus()).isZero();
                    assertThat(e.getMessage()).isEqualTo("nova: the client-side rate limit of 2 requests per 60 s is used up "
                            + "for longer than 10 s; not sent, try again later");
                });
        provider.verify(2, getRequestedFor(urlPathEqualTo("/v2.1/servers/detail")));
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void eachCredentialHasItsOwnBudget() {
        HttpRuntime runtime = TestHttp.runtime(time);
        RateLimit limit = RateLimit.of(5, Duration.ofMinutes(1));

        for (int i = 0; i < 5; i++) {
            nova(runtime, "credential-1", limit).get("v2.1/servers/detail").send();
            nova(runtime, "credential-2", limit).get("v2.1/servers/detail").send();
        }

        assertThat(time.sleeps()).isEmpty();
        nova(runtime, "credential-1", limit).get("v2.1/servers/detail").send();
        assertThat(time.slept()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void noLimitNeverWaits() {
        HttpRuntime runtime = TestHttp.runtime(time);

        for (int i = 0; i < 50; i++) {
            nova(runtime, "credential-1", RateLimit.NONE).get("v2.1/servers/detail").send();
        }

        assertThat(time.sleeps()).isEmpty();
    }

    private static ProviderHttp nova(HttpRuntime runtime, String credential, RateLimit limit) {
        return ProviderHttp.builder(runtime, provider.baseUrl(), new OpenStackDialect("nova")).rateLimit(credential, limit).build();
    }

    /** Sliding check: the (n+1)-th of any n+1 consecutive sends is a whole window after the first. */
    private static void assertAtMostInAnyWindow(List<Long> times, RateLimit limit) {
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        long window = limit.window().toNanos();
        for (int i = 0; i + limit.requests() < sorted.size(); i++) {
            assertThat(sorted.get(i + limit.requests()) - sorted.get(i))
                    .as("sends %d and %d are less than %s apart", i, i + limit.requests(), limit.window())
                    .isGreaterThanOrEqualTo(window);
        }
    }
}
