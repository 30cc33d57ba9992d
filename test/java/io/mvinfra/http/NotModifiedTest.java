package io.mvinfra.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.openstack.OpenStackDialect;
import support.FakeTime;
import support.TestHttp;

/** 304 Not Modified is an answer ("nothing changed since"), as Cyclades gives to {@code changes-since}. */
@WireMockTest
class NotModifiedTest {

    private static final String SERVERS = "/compute/v2.0/servers/detail";
    private static final String SINCE = "2026-01-15T09:00:00Z";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Server(String id, String name) {
    }

    private ProviderHttp cyclades;

    @BeforeEach
    void client(WireMockRuntimeInfo wm) {
        cyclades = ProviderHttp.builder(TestHttp.runtime(new FakeTime()), wm.getHttpBaseUrl(), new OpenStackDialect("cyclades")).build();
    }

    @Test
    void aListThatDidNotChangeSaysNothingChanged() {
        stubFor(get(urlPathEqualTo(SERVERS)).withQueryParam("changes-since", equalTo(SINCE)).willReturn(aResponse().withStatus(304)));

        Optional<List<Server>> changed = cyclades.get(SERVERS).query("changes-since", SINCE).at("servers").listIfModified(Server.class);

        assertThat(changed).isEmpty();
    }

    @Test
    void aListThatChangedIsRead() {
        stubFor(get(urlPathEqualTo(SERVERS)).willReturn(okJson("{\"servers\":[{\"id\":\"42\",\"name\":\"web-1\"}]}")));

        Optional<List<Server>> changed = cyclades.get(SERVERS).query("changes-since", SINCE).at("servers").listIfModified(Server.class);

        assertThat(changed).hasValueSatisfying(servers -> assertThat(servers).extracting(Server::id).containsExactly("42"));
    }

    @Test
    void aReadOrASendTakes304AsAnAnswer() {
        stubFor(get(urlPathEqualTo("/compute/v2.0/servers/42")).willReturn(aResponse().withStatus(304)));

        Optional<Server> server = cyclades.get("compute/v2.0/servers/42").at("server").readIfModified(Server.class);
        ProviderResponse answer = cyclades.get("compute/v2.0/servers/42").send();

        assertThat(server).isEmpty();
        assertThat(answer.notModified()).isTrue();
    }

    @Test
    void aListThatMustHaveEveryItemSaysWhy304IsNoList() {
        stubFor(get(urlPathEqualTo(SERVERS)).willReturn(aResponse().withStatus(304)));

        assertThatThrownBy(() -> cyclades.get(SERVERS).at("servers").list(Server.class))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.getMessage()).contains("304 Not Modified"));
    }
}
