package io.mvinfra.openstack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static support.Fixtures.fixture;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.host.runtime.AuditEntry;
import io.mvinfra.host.runtime.AuditEntry.Outcome;
import io.mvinfra.host.runtime.PressResult;
import io.mvinfra.host.store.StoredEntity;
import support.FakeTime;
import support.LogCapture;

/**
 * "Console" on an OpenStack Server, against stubs of Keystone and Nova: from 2.6 {@code POST remote-consoles}, before
 * the {@code os-getVNCConsole} action; the URL (its token opens the console) is shown once and kept nowhere: not in
 * the audit trail, the ServerAction, the Server or the log.
 */
@WireMockTest
class OpenStackConsoleTest {

    private static final String ID = "5b2e8f7c-1d2e-4f3a-9b8c-7d6e5f4a3b2c";
    private static final String NOVA = "/compute/v2.1";
    private static final String SERVER = NOVA + "/servers/" + ID;
    private static final String TOKEN = "5e8b1a7c-9d2f-4e3a-b6c1-0f9e8d7c6b5a";
    private static final String URL = "http://127.0.0.1:6080/vnc_auto.html?path=%3Ftoken%3D" + TOKEN;

    private OpenStackTestbed os;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        stubFor(post(urlPathEqualTo("/v3/auth/tokens")).willReturn(aResponse().withStatus(201).withHeader("X-Subject-Token", "tok-1")
                .withHeader("Content-Type", "application/json")
                .withBody(fixture("openstack/keystone-token-stub-catalog.json").replace("BASE", wm.getHttpBaseUrl()))));
        os = OpenStackTestbed.at(wm.getHttpBaseUrl() + "/v3", "dev-", new FakeTime());
    }

    @AfterEach
    void close() {
        os.close();
    }

    private String server() {
        return os.server("instanceName", "dev-web-1", "serverType", "m1.tiny", "providerSideId", ID, "status", "ACTIVE");
    }

    @Test
    void from2Point6TheRemoteConsolesUrlIsShownOnceAndKeptNowhere() {
        stubFor(get(urlPathEqualTo(NOVA + "/")).willReturn(okJson(fixture("openstack/nova-version-2.1.json"))));
        stubFor(post(urlPathEqualTo(SERVER + "/remote-consoles")).willReturn(okJson(
                "{\"remote_console\": {\"protocol\": \"vnc\", \"type\": \"novnc\", \"url\": \"" + URL + "\"}}")));
        String server = server();

        PressResult result;
        String logged;
        try (LogCapture logs = LogCapture.start()) {
            result = os.press("Server", "openServerConsole", server);
            logged = logs.text();
        }

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).isEqualTo("Server dev-web-1: novnc console at " + URL
                + " (shown this once, not kept; it stops working when it expires)");
        verify(postRequestedFor(urlPathEqualTo(SERVER + "/remote-consoles"))
                .withHeader("OpenStack-API-Version", equalTo("compute 2.79"))
                .withRequestBody(equalToJson("{\"remote_console\": {\"protocol\": \"vnc\", \"type\": \"novnc\"}}")));
        assertThat(logged).as("the answer is logged at TRACE, its URL masked").contains("remote-consoles").doesNotContain(TOKEN);
        List<AuditEntry> audit = os.host.audit().recent(server, 0, 10);
        assertThat(audit).extracting(AuditEntry::message).singleElement().asString()
                .startsWith("Server dev-web-1: novnc console at ").doesNotContain(TOKEN);
        List<StoredEntity> actions = os.all("ServerAction", "server", server);
        assertThat(actions).hasSize(1);
        assertThat(actions.get(0).value("action")).isEqualTo("console");
        assertThat(actions.get(0).value("outcome")).isEqualTo("success");
        assertThat((String) actions.get(0).value("response")).isEqualTo("novnc console given; shown to the operator once, not kept");
        assertThat(os.entity("Server", server).toString()).doesNotContain(TOKEN);
    }

    @Test
    void beforeMicroversion2Point6ItIsTheGetVncConsoleAction() {
        stubFor(get(urlPathEqualTo(NOVA + "/")).willReturn(okJson(fixture("openstack/nova-version-2.1.json")
                .replace("\"2.93\"", "\"2.5\""))));
        stubFor(post(urlPathEqualTo(SERVER + "/action")).willReturn(okJson("{\"console\": {\"type\": \"novnc\", \"url\": \"" + URL + "\"}}")));

        PressResult result = os.press("Server", "openServerConsole", server());

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).contains(URL);
        verify(postRequestedFor(urlPathEqualTo(SERVER + "/action")).withHeader("OpenStack-API-Version", equalTo("compute 2.5"))
                .withRequestBody(equalToJson("{\"os-getVNCConsole\": {\"type\": \"novnc\"}}")));
    }

    @Test
    void aCloudWithoutConsolesSaysSoInNovasWords() {
        stubFor(get(urlPathEqualTo(NOVA + "/")).willReturn(okJson(fixture("openstack/nova-version-2.1.json"))));
        stubFor(post(urlPathEqualTo(SERVER + "/remote-consoles")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"badRequest\": {\"code\": 400, \"message\": \"Unavailable console type novnc.\"}}")));
        String server = server();

        PressResult result = os.press("Server", "openServerConsole", server);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).isEqualTo("Nova refused the request (HTTP 400, badRequest): Unavailable console type novnc.");
        assertThat(os.all("ServerAction", "server", server)).extracting(a -> a.value("outcome")).containsExactly("failure");
    }
}
