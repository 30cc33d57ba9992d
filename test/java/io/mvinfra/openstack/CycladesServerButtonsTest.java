package io.mvinfra.openstack;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static support.Fixtures.fixture;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.host.runtime.AuditEntry.Outcome;
import io.mvinfra.host.runtime.PressResult;
import io.mvinfra.host.store.StoredEntity;
import support.FakeTime;

/**
 * The Server buttons on a CYCLADES ServiceProvider, against a stub of Synnefo's compute API: the same client with
 * Cyclades' differences (its own action bodies, STOPPED for SHUTOFF, metadata by POST only, no pagination, no
 * microversion headers); waits on a fake clock.
 */
@WireMockTest
class CycladesServerButtonsTest {

    private static final String ID = "5b2e8f7c-1d2e-4f3a-9b8c-7d6e5f4a3b2c";
    private static final String CYCLADES = "/compute/v2.0";
    private static final String SERVER = CYCLADES + "/servers/" + ID;

    private OpenStackTestbed os;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        os = OpenStackTestbed.cyclades(wm.getHttpBaseUrl() + CYCLADES, "dev-", "synnefo-tok", new FakeTime());
    }

    @AfterEach
    void close() {
        os.close();
    }

    private static String server(String status, String metadata) {
        return fixture("openstack/nova-server-shutoff.json").replace("\"SHUTOFF\"", "\"" + status + "\"")
                .replace("\"metadata\": {}", "\"metadata\": " + metadata);
    }

    private String entity(String status, Object... more) {
        Object[] fields = {"instanceName", "dev-web-1", "serverType", "m1.tiny", "providerSideId", ID, "status", status};
        Object[] all = new Object[fields.length + more.length];
        System.arraycopy(fields, 0, all, 0, fields.length);
        System.arraycopy(more, 0, all, fields.length, more.length);
        return os.server(all);
    }

    /** The server answers {@code from} first, then {@code to}, once the action was posted. */
    private static void goesFromTo(String from, String to) {
        stubFor(get(urlPathEqualTo(SERVER)).inScenario("power").whenScenarioStateIs(STARTED)
                .willReturn(okJson(server(from, "{}"))));
        stubFor(post(urlPathEqualTo(SERVER + "/action")).inScenario("power").whenScenarioStateIs(STARTED).willSetStateTo("done")
                .willReturn(aResponse().withStatus(202)));
        stubFor(get(urlPathEqualTo(SERVER)).inScenario("power").whenScenarioStateIs("done")
                .willReturn(okJson(server(to, "{}"))));
    }

    private StoredEntity onlyAction(String server) {
        List<StoredEntity> actions = os.all("ServerAction", "server", server);
        assertThat(actions).hasSize(1);
        return actions.get(0);
    }

    @Test
    void stopIsCycladesShutdownWaitedForUntilStopped() {
        String server = entity("ACTIVE");
        goesFromTo("ACTIVE", "STOPPED");

        PressResult result = os.press("Server", "stopServer", server);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).isEqualTo("Server dev-web-1: shutdown done, now STOPPED");
        verify(postRequestedFor(urlPathEqualTo(SERVER + "/action")).withRequestBody(equalToJson("{\"shutdown\": {}}"))
                .withHeader("X-Auth-Token", equalTo("synnefo-tok"))
                .withoutHeader("OpenStack-API-Version").withoutHeader("X-OpenStack-Nova-API-Version"));
        assertThat(os.field("Server", server, "status")).isEqualTo("STOPPED");
        StoredEntity action = onlyAction(server);
        assertThat(action.value("action")).isEqualTo("shutdown");
        assertThat(action.value("outcome")).isEqualTo("success");
    }

    @Test
    void startIsCycladesStart() {
        String server = entity("STOPPED");
        goesFromTo("STOPPED", "ACTIVE");

        PressResult result = os.press("Server", "startServer", server);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).isEqualTo("Server dev-web-1: start done, now ACTIVE");
        verify(postRequestedFor(urlPathEqualTo(SERVER + "/action")).withRequestBody(equalToJson("{\"start\": {}}")));
        assertThat(onlyAction(server).value("action")).isEqualTo("start");
    }

    @Test
    void aHardRebootSaysItsType() {
        String server = entity("ACTIVE");
        goesFromTo("ACTIVE", "ACTIVE");

        PressResult result = os.press("Server", "hardRebootServer", server);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        verify(postRequestedFor(urlPathEqualTo(SERVER + "/action")).withRequestBody(equalToJson("{\"reboot\": {\"type\": \"HARD\"}}")));
    }

    @Test
    void metadataGoesByPostOnlyAndADroppedKeyByItsOwnDelete() {
        String server = entity("ACTIVE", "metadata", Map.of("purpose", "web", "tier", "2"));
        stubFor(get(urlPathEqualTo(SERVER)).willReturn(okJson(server("ACTIVE", "{\"purpose\": \"web\", \"tier\": \"1\", \"old\": \"x\"}"))));
        stubFor(post(urlPathEqualTo(SERVER + "/metadata")).willReturn(okJson("{\"metadata\": {}}")));
        stubFor(delete(urlPathEqualTo(SERVER + "/metadata/old")).willReturn(aResponse().withStatus(204)));

        PressResult result = os.press("Server", "updateServer", server);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).isEqualTo("Server dev-web-1 updated at OpenStack: metadata tier set; metadata old removed");
        verify(1, postRequestedFor(urlPathEqualTo(SERVER + "/metadata")).withRequestBody(equalToJson("{\"metadata\": {\"tier\": \"2\"}}")));
        verify(1, deleteRequestedFor(urlPathEqualTo(SERVER + "/metadata/old")));
        verify(0, putRequestedFor(anyUrl()));
    }

    @Test
    void listAsksForEveryServerInOneRequestWithoutPaging() {
        stubFor(get(urlPathEqualTo(CYCLADES + "/servers/detail")).willReturn(okJson("{\"servers\": [" + server("ACTIVE", "{}")
                .replaceFirst("^\\{\"server\": ", "").replaceFirst("}\\s*$", "") + "]}")));

        PressResult result = os.press("ServiceProvider", "listOpenStackServers", os.provider);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        verify(1, getRequestedFor(urlPathEqualTo(CYCLADES + "/servers/detail")).withQueryParam("limit", absent())
                .withQueryParam("marker", absent()));
        assertThat(os.all("Server", "provider", os.provider)).extracting(s -> (String) s.value("providerSideId")).containsExactly(ID);
    }

    @Test
    void aResizeConfirmCycladesDoesNotHaveIsRefusedBeforeAnyRequest() {
        String server = entity("VERIFY_RESIZE");

        PressResult result = os.press("Server", "confirmServerResize", server);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).contains("Cyclades has no confirmResize action");
        verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void aListAfterTheFirstPollsChangesSinceAnd304ChangesNothing() {
        String server = entity("ACTIVE", "lastUpdate", Instant.parse("2026-01-15T10:00:05Z"));
        stubFor(get(urlPathEqualTo(CYCLADES + "/servers/detail")).willReturn(aResponse().withStatus(304)));

        PressResult result = os.press("ServiceProvider", "listOpenStackServers", os.provider);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).isEqualTo("Servers of cyclades-stub: nothing changed since 2026-01-15T10:00:05Z");
        verify(1, getRequestedFor(urlPathEqualTo(CYCLADES + "/servers/detail"))
                .withQueryParam("changes-since", equalTo("2026-01-15T10:00:05Z")));
        assertThat(os.field("Server", server, "status")).isEqualTo("ACTIVE");
        assertThat(os.field("Server", server, "missingAtProvider")).isNotEqualTo(Boolean.TRUE);
    }

    @Test
    void aPollMarksDeletedOnlyWhatCycladesReportsDeletedAndLeavesTheUnreportedAlone() {
        String other = "9c8d7e6f-0000-4000-8000-000000000009";
        String unreported = "1a2b3c4d-0000-4000-8000-000000000001";
        String changed = entity("ACTIVE", "lastUpdate", Instant.parse("2026-01-15T10:00:01Z"));
        String gone = os.server("instanceName", "dev-web-2", "serverType", "m1.tiny", "providerSideId", other, "status", "ACTIVE",
                "lastUpdate", Instant.parse("2026-01-15T10:00:05Z"));
        String untouched = os.server("instanceName", "dev-web-3", "serverType", "m1.tiny", "providerSideId", unreported, "status", "ACTIVE",
                "lastUpdate", Instant.parse("2026-01-15T09:00:00Z"));
        String deletedItem = server("DELETED", "{}").replace(ID, other).replace("\"dev-web-1\"", "\"dev-web-2\"")
                .replace("2026-01-15T10:00:05Z", "2026-01-15T10:05:00Z");
        stubFor(get(urlPathEqualTo(CYCLADES + "/servers/detail")).withQueryParam("changes-since", equalTo("2026-01-15T10:00:05Z"))
                .willReturn(okJson("{\"servers\": [" + unwrap(server("STOPPED", "{}")) + ", " + unwrap(deletedItem) + "]}")));

        PressResult result = os.press("ServiceProvider", "listOpenStackServers", os.provider);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).isEqualTo("Servers of cyclades-stub changed since 2026-01-15T10:00:05Z: 0 created, 1 updated, 1 deleted");
        assertThat(os.field("Server", changed, "status")).isEqualTo("STOPPED");
        assertThat(os.field("Server", gone, "status")).isEqualTo("DELETED");
        assertThat(os.field("Server", gone, "missingAtProvider")).isEqualTo(Boolean.TRUE);
        assertThat(os.field("Server", untouched, "status")).isEqualTo("ACTIVE");
        assertThat(os.field("Server", untouched, "missingAtProvider")).isNotEqualTo(Boolean.TRUE);
    }

    @Test
    void aBadRequestCycladesAnswersForAWrongUrlIsARefusalNeverTakenForGone() {
        String server = entity("ACTIVE");
        stubFor(delete(urlPathEqualTo(SERVER)).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"badRequest\": {\"code\": 400, \"message\": \"Invalid URL\"}}")));

        PressResult result = os.press("Server", "deleteServer", server);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).contains("HTTP 400, badRequest", "Invalid URL");
        assertThat(os.field("Server", server, "status")).as("not marked deleted").isEqualTo("ACTIVE");
        assertThat(os.field("Server", server, "providerSideId")).isEqualTo(ID);
        assertThat(onlyAction(server).value("outcome")).isEqualTo("failure");
    }

    @Test
    void createImageCycladesDoesNotHaveIsRefusedBeforeAnyRequest() {
        String server = entity("ACTIVE");

        PressResult result = os.press("Server", "createServerImage", server);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).contains("Cyclades has no createImage action");
        verify(0, postRequestedFor(anyUrl()));
        assertThat(os.all("Image", "provider", os.provider)).isEmpty();
    }

    /** A server of {@code {"server": {…}}} as a list item. */
    private static String unwrap(String single) {
        return single.replaceFirst("^\\{\"server\": ", "").replaceFirst("}\\s*$", "");
    }
}
