package io.mvinfra.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static support.Fixtures.fixture;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.http.ProviderException.Kind;
import okhttp3.Request;
import io.mvinfra.openstack.OpenStackDialect;
import support.FakeTime;
import support.Stubs;
import support.TestHttp;

/** A credential that can renew itself gets one renewal and one re-send on a 401; any other 401 is the answer. */
@WireMockTest
class AuthInterceptorTest {

    /** Hands out token-1, then token-2 after a renewal. */
    static final class RenewableToken implements Auth {
        int renewals;

        @Override
        public Request authorize(Request request) {
            return request.newBuilder().header("X-Auth-Token", "token-" + (renewals + 1)).build();
        }

        @Override
        public boolean renewAfterRejection(Request rejected) {
            renewals++;
            return true;
        }
    }

    private final RenewableToken token = new RenewableToken();
    private HttpRuntime runtime;
    private String baseUrl;

    @BeforeEach
    void runtime(WireMockRuntimeInfo wm) {
        runtime = TestHttp.runtime(new FakeTime());
        baseUrl = wm.getHttpBaseUrl();
    }

    @Test
    void refusedTokenIsRenewedOnceAndTheRequestSentOnceMore() {
        stubFor(get(urlPathEqualTo("/v2.1/servers")).withHeader("X-Auth-Token", equalTo("token-1"))
                .willReturn(aResponse().withStatus(401).withBody(fixture("keystone/unauthorized.json"))));
        stubFor(get(urlPathEqualTo("/v2.1/servers")).withHeader("X-Auth-Token", equalTo("token-2"))
                .willReturn(okJson("{\"servers\":[]}")));

        ProviderResponse answer = nova(token).get("v2.1/servers").send();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(token.renewals).isEqualTo(1);
        verify(2, getRequestedFor(urlPathEqualTo("/v2.1/servers")));
    }

    @Test
    void secondRefusalIsTheAnswer() {
        stubFor(get(urlPathEqualTo("/v2.1/servers")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody(fixture("keystone/unauthorized.json"))));

        ProviderException e = catchThrowableOfType(ProviderException.class, () -> nova(token).get("v2.1/servers").send());

        assertThat(e.kind()).isEqualTo(Kind.AUTH);
        assertThat(token.renewals).isEqualTo(1);
        verify(2, getRequestedFor(urlPathEqualTo("/v2.1/servers")));
    }

    @Test
    void createRefusedFor401IsSentAgainWithTheRenewedToken() {
        Stubs.inTurn(() -> post(urlPathEqualTo("/v2.1/servers")), aResponse().withStatus(401),
                aResponse().withStatus(202).withBody("{\"server\":{\"id\":\"5b2e8f7c\"}}"));

        JsonNode server = nova(token).post("v2.1/servers").body(Map.of("server", Map.of("name", "web-1"))).at("server")
                .create(JsonNode.class, Optional::empty);

        assertThat(server.path("id").asText()).isEqualTo("5b2e8f7c");
        verify(postRequestedFor(urlPathEqualTo("/v2.1/servers")).withHeader("X-Auth-Token", equalTo("token-2")));
    }

    @Test
    void staticCredentialIsNotSentAgainAfterA401() {
        stubFor(get(urlPathEqualTo("/v2.1/servers")).willReturn(aResponse().withStatus(401)));

        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> nova(Auth.header("X-Auth-Token", "static-token")).get("v2.1/servers").send());

        assertThat(e.kind()).isEqualTo(Kind.AUTH);
        verify(1, getRequestedFor(urlPathEqualTo("/v2.1/servers")));
    }

    private ProviderHttp nova(Auth auth) {
        return ProviderHttp.builder(runtime, baseUrl, new OpenStackDialect("nova")).auth(auth).build();
    }
}
