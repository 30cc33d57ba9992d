package io.mvinfra.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.requestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.cloudflare.CloudflareDialect;
import io.mvinfra.http.ProviderException.Kind;
import io.mvinfra.scaleway.ScalewayDialect;
import support.FakeTime;
import support.LoopbackServer;
import support.Stubs;
import support.TestHttp;

/**
 * What a fault-injecting stub found, per method: a connection that breaks after the request went out (reset before
 * or in the middle of the answer, garbage, a bad chunk), a stale keep-alive connection under a create, malformed
 * JSON. The request may have been acted on: idempotent methods are sent again, the others report a doubt, a create
 * looks its resource up.
 */
@WireMockTest
class FaultTest {

    private static final String SERVER = "/instance/v1/zones/fr-par-1/servers/s1";
    private static final String SERVERS = "/instance/v1/zones/fr-par-1/servers";
    private static final String SERVER_JSON = "{\"server\":{\"id\":\"s1\",\"name\":\"web-1\"}}";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Server(String id, String name) {
    }

    /** The faults that break a connection once the request has gone out. */
    enum Broken {
        RESET_BEFORE_THE_ANSWER(Fault.CONNECTION_RESET_BY_PEER),
        GARBAGE_THEN_CLOSE(Fault.RANDOM_DATA_THEN_CLOSE),
        RESET_IN_THE_MIDDLE_OF_THE_BODY(Fault.MALFORMED_RESPONSE_CHUNK);

        final Fault fault;

        Broken(Fault fault) {
            this.fault = fault;
        }
    }

    private final FakeTime time = new FakeTime();
    private final AtomicInteger lookups = new AtomicInteger();
    private ProviderHttp scaleway;

    @BeforeEach
    void client(WireMockRuntimeInfo wm) {
        scaleway = ProviderHttp.builder(TestHttp.runtime(time), wm.getHttpBaseUrl(), new ScalewayDialect()).build();
    }

    @ParameterizedTest
    @EnumSource(Broken.class)
    void getIsSentAgainAfterABrokenConnection(Broken broken) {
        brokenThen(() -> get(SERVER), broken, okJson(SERVER_JSON));

        Server server = scaleway.get(SERVER).at("server").read(Server.class);

        assertThat(server.name()).isEqualTo("web-1");
        verify(2, requestedFor("GET", urlEqualTo(SERVER)));
    }

    @ParameterizedTest
    @EnumSource(Broken.class)
    void putIsSentAgainAfterABrokenConnection(Broken broken) {
        brokenThen(() -> put(SERVER), broken, okJson(SERVER_JSON));

        Server server = scaleway.put(SERVER).body(Map.of("name", "web-1")).at("server").read(Server.class);

        assertThat(server.name()).isEqualTo("web-1");
        verify(2, requestedFor("PUT", urlEqualTo(SERVER)));
    }

    @ParameterizedTest
    @EnumSource(Broken.class)
    void deleteIsSentAgainAfterABrokenConnection(Broken broken) {
        brokenThen(() -> delete(SERVER), broken, aResponse().withStatus(204));

        ProviderResponse answer = scaleway.delete(SERVER).send();

        assertThat(answer.status()).isEqualTo(204);
        verify(2, requestedFor("DELETE", urlEqualTo(SERVER)));
    }

    /** The first delete went through before the connection broke: the second finds nothing, and says so as NOT_FOUND. */
    @ParameterizedTest
    @EnumSource(Broken.class)
    void deleteSentAgainThatFindsNothingReadsAsAlreadyGone(Broken broken) {
        brokenThen(() -> delete(SERVER), broken, aResponse().withStatus(404)
                .withBody("{\"type\":\"not_found\",\"message\":\"resource is not found\",\"resource\":\"instance_server\",\"resource_id\":\"s1\"}"));

        ProviderException e = catchThrowableOfType(ProviderException.class, () -> scaleway.delete(SERVER).send());

        assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(e.httpStatus()).isEqualTo(404);
    }

    @ParameterizedTest
    @EnumSource(Broken.class)
    void patchIsNotSentAgainAndReportsTheDoubtNotUnreachable(Broken broken) {
        brokenThen(() -> patch(urlEqualTo(SERVER)), broken, okJson(SERVER_JSON));

        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> scaleway.patch(SERVER).body(Map.of("name", "web-2")).send());

        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(e.getMessage()).contains("the connection broke while reading the answer to PATCH http").contains(SERVER)
                .doesNotContain("could not reach");
        verify(1, requestedFor("PATCH", urlEqualTo(SERVER)));
    }

    @ParameterizedTest
    @EnumSource(Broken.class)
    void createAfterABrokenConnectionIsLookedUpAndNotSentAgain(Broken broken) {
        brokenThen(() -> post(urlEqualTo(SERVERS)), broken, okJson(SERVER_JSON));
        lookupFinds("[{\"id\":\"s1\",\"name\":\"web-1\"}]");

        Server created = create();

        assertFoundByTheLookupAndSentOnce(created);
    }

    @Test
    void malformedJsonPageIsReportedAsMalformedNotAsMissingTheList() {
        stubFor(get(urlPathEqualTo(SERVERS)).willReturn(okJson("{\"servers\":[{\"id\":\"s1\",")));

        assertThatThrownBy(() -> scaleway.get(SERVERS).at("servers").list(Server.class))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNEXPECTED_ANSWER);
                    assertThat(e.getMessage()).contains("GET " + SERVERS + " answered malformed JSON (")
                            .doesNotContain("without a list");
                });
    }

    @Test
    void malformedJsonAnswerToAReadIsReportedAsMalformed() {
        stubFor(get(SERVER).willReturn(okJson("{\"server\": {\"id\": \"s1\"")));

        assertThatThrownBy(() -> scaleway.get(SERVER).at("server").read(Server.class))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.getMessage()).contains("GET " + SERVER + " answered malformed JSON ("));
    }

    @Test
    void malformedAnswerToACreateIsLookedUpRatherThanLeftUntracked() {
        stubFor(post(urlEqualTo(SERVERS)).willReturn(okJson("{\"server\": {\"id\": \"s1\", \"na")));
        lookupFinds("[{\"id\":\"s1\",\"name\":\"web-1\"}]");

        Server created = create();

        assertFoundByTheLookupAndSentOnce(created);
    }

    @Test
    void malformedAnswerToACreateThatTheLookupCannotFindFailsSayingSoWithoutSendingAgain() {
        stubFor(post(urlEqualTo(SERVERS)).willReturn(okJson("{\"server\": {\"id\": \"s1\", \"na")));
        lookupFinds("[]");

        assertThatThrownBy(this::create).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.getMessage()).contains("POST " + SERVERS + " answered malformed JSON ("));
        verify(1, requestedFor("POST", urlEqualTo(SERVERS)));
    }

    /**
     * An HTTP/1.0 server answers a create 429 and closes; OkHttp keeps the connection as if alive. The create, re-sent
     * after the look-up, must not go out on that connection (its one-shot body would die with it on every attempt).
     */
    @Test
    void createResentAfter429ArrivesAlthoughTheServerClosedItsKeptAliveConnection() {
        AtomicInteger posts = new AtomicInteger();
        try (LoopbackServer http10 = LoopbackServer.start((socket, connection) -> {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            LoopbackServer.Head head = LoopbackServer.readHead(in);
            if (head == null) {
                return;
            }
            LoopbackServer.skip(in, head.contentLength());
            if (head.method().equals("GET")) {
                LoopbackServer.answer(out, "HTTP/1.0 200 OK", cloudflareList(), "Content-Type: application/json");
            } else if (posts.incrementAndGet() == 1) {
                LoopbackServer.answer(out, "HTTP/1.0 429 Too Many Requests", "{\"success\":false,\"errors\":[{\"code\":971,"
                        + "\"message\":\"Please wait and consider throttling your request speed\"}]}",
                        "Content-Type: application/json", "Retry-After: 1");
            } else {
                LoopbackServer.answer(out, "HTTP/1.0 200 OK", "{\"success\":true,\"result\":{\"id\":\"rec-1\",\"name\":\"www\"}}",
                        "Content-Type: application/json");
            }
            // then the socket closes, as an HTTP/1.0 server does, without having said "Connection: close"
        })) {
            ProviderHttp cloudflare = ProviderHttp.builder(TestHttp.runtime(time), http10.baseUrl(), new CloudflareDialect()).build();

            Server created = cloudflare.post("zones/z1/dns_records").body(Map.of("type", "A", "name", "www"))
                    .create(Server.class, () -> cloudflare.get("zones/z1/dns_records").query("name", "www")
                            .list(Server.class).stream().findFirst());

            assertThat(created.id()).isEqualTo("rec-1");
            assertThat(posts).hasValue(2);
        }
    }

    private static String cloudflareList() {
        return "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":[],"
                + "\"result_info\":{\"page\":1,\"per_page\":100,\"count\":0,\"total_count\":0,\"total_pages\":1}}";
    }

    private void assertFoundByTheLookupAndSentOnce(Server created) {
        assertThat(created.id()).isEqualTo("s1");
        assertThat(lookups).hasValue(1);
        verify(1, requestedFor("POST", urlEqualTo(SERVERS)));
    }

    private static void lookupFinds(String servers) {
        stubFor(get(urlPathEqualTo(SERVERS)).willReturn(okJson("{\"servers\":" + servers + "}")));
    }

    private Server create() {
        return scaleway.post(SERVERS).body(Map.of("name", "web-1")).at("server").create(Server.class, this::findServer);
    }

    private Optional<Server> findServer() {
        lookups.incrementAndGet();
        List<Server> found = scaleway.get(SERVERS).query("name", "web-1").at("servers").list(Server.class);
        return found.stream().filter(s -> s.name().equals("web-1")).findFirst();
    }

    private static void brokenThen(Supplier<MappingBuilder> request, Broken broken,
                                   ResponseDefinitionBuilder then) {
        Stubs.inTurn(request, aResponse().withFault(broken.fault), then);
    }
}
