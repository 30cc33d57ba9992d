package io.mvinfra.host.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.mvinfra.cloudflare.CloudflareDialect;
import io.mvinfra.host.Host;
import io.mvinfra.host.HostSettings;
import io.mvinfra.host.store.DatabaseSettings;
import io.mvinfra.http.Auth;
import io.mvinfra.http.HttpRuntime;
import io.mvinfra.http.HttpSettings;
import io.mvinfra.http.ProviderHttp;
import io.mvinfra.http.RateLimit;
import io.mvinfra.http.TimeSource;
import support.ProviderBudget;
import support.TestHosts;

/** Two hosts on one PostgreSQL, each with its own HTTP runtime, share one credential's budget at the provider. */
class SharedRateLimitsTest {
    private final ProviderBudget budget = new ProviderBudget(15, 1000);
    private final WireMockServer provider = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
            .extensions(budget));
    private final List<SharedRateLimits> books = new ArrayList<>();
    private Host schema;

    @AfterEach
    void stop() {
        books.forEach(SharedRateLimits::close);
        if (schema != null) {
            schema.close();
        }
        provider.stop();
    }

    @Test
    void twoHostsTogetherKeepUnderTheLimitEachWouldKeepAlone() throws Exception {
        TestHosts.requirePostgres();
        provider.start();
        provider.stubFor(get(urlPathEqualTo("/user/tokens/verify")).willReturn(okJson("{\"success\":true,\"errors\":[],\"messages\":[],\"result\":{}}")));
        HostSettings settings = TestHosts.settings(TestHosts.tempHome(), TestHosts.Db.POSTGRES, TestHosts.sampleModule());
        schema = Host.open(settings);   // creates the schema the two hosts share
        List<ProviderHttp> hosts = List.of(host(settings.database()), host(settings.database()));

        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ProviderHttp http = hosts.get(i % 2);
            calls.add(pool.submit(() -> http.get("user/tokens/verify").send()));
        }
        for (Future<?> call : calls) {
            call.get();
        }
        pool.shutdown();

        assertThat(budget.served()).isEqualTo(40);
        assertThat(budget.refused()).as("429 answers: each host alone would send 10 a second, 20 together").isZero();
    }

    @Test
    void aHostOnPostgresBuildsNoHttpClientAtOpenAndTheOneBuiltOnFirstUseBooksInTheDatabase() throws Exception {
        TestHosts.requirePostgres();
        HttpRuntime before = HttpRuntime.useShared(null);
        try {
            // given a host opened on PostgreSQL, as a one-shot command that calls no provider
            schema = Host.open(TestHosts.settings(TestHosts.tempHome(), TestHosts.Db.POSTGRES, TestHosts.sampleModule()));

            // then no HTTP runtime was built for it
            assertThat(HttpRuntime.useShared(null)).as("built at open").isNull();
            // and when a button first calls a provider, the runtime it gets books the credential's slots in the database
            HttpRuntime.shared().rateLimiter("lazy-credential", RateLimit.of(5, Duration.ofSeconds(1))).acquire("test", Duration.ofSeconds(1));
            try (java.sql.Connection c = schema.database().connection();
                 java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM rate_limit_slot WHERE credential_key = 'lazy-credential'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        } finally {
            HttpRuntime.useShared(before);
        }
    }

    /** One host: its own HTTP runtime, booking the credential's slots in the shared database, 10 a second. */
    private ProviderHttp host(DatabaseSettings database) {
        HttpRuntime runtime = new HttpRuntime(HttpSettings.defaults(), TimeSource.SYSTEM);
        SharedRateLimits book = new SharedRateLimits(database);
        books.add(book);
        runtime.shareSlots(book);
        return ProviderHttp.builder(runtime, provider.baseUrl(), new CloudflareDialect()).auth(Auth.bearer("shared-token"))
                .rateLimit("credential-1", RateLimit.of(10, Duration.ofSeconds(1))).build();
    }
}
