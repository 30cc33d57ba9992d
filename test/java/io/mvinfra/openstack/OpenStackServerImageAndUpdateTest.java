package io.mvinfra.openstack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static support.Fixtures.fixture;

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
 * Server → "Create image" and "Update on OpenStack" against stubs of Keystone, Nova and Glance, for what the real
 * stack does not show: a snapshot Glance kills, a createImage Nova refuses, and the exact metadata requests (POST to
 * add, PUT to replace all); waits on a fake clock.
 */
@WireMockTest
class OpenStackServerImageAndUpdateTest {

    private static final String ID = "5b2e8f7c-1d2e-4f3a-9b8c-7d6e5f4a3b2c";
    private static final String IMAGE = "7e1f0a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b";
    private static final String NOVA = "/compute/v2.1";
    private static final String SERVER = NOVA + "/servers/" + ID;
    private static final String GLANCE_IMAGE = "/image/v2/images/" + IMAGE;

    private final FakeTime time = new FakeTime();
    private OpenStackTestbed os;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        stubFor(post(urlPathEqualTo("/v3/auth/tokens")).willReturn(aResponse().withStatus(201).withHeader("X-Subject-Token", "tok-1")
                .withHeader("Content-Type", "application/json")
                .withBody(fixture("openstack/keystone-token-stub-catalog.json").replace("BASE", wm.getHttpBaseUrl()))));
        stubFor(get(urlPathEqualTo(NOVA + "/")).willReturn(okJson(fixture("openstack/nova-version-2.1.json"))));
        os = OpenStackTestbed.at(wm.getHttpBaseUrl() + "/v3", "dev-", time);
    }

    @AfterEach
    void close() {
        os.close();
    }

    private String server(Object... more) {
        Object[] fields = {"instanceName", "dev-web-1", "serverType", "m1.tiny", "providerSideId", ID, "status", "SHUTOFF"};
        Object[] all = new Object[fields.length + more.length];
        System.arraycopy(fields, 0, all, 0, fields.length);
        System.arraycopy(more, 0, all, fields.length, more.length);
        return os.server(all);
    }

    private static String glanceImage(String status) {
        return fixture("openstack/glance-image-snapshot.json").replace("STATUS", status).replace("SIZE", "active".equals(status) ? "1048576" : "null");
    }

    private static void novaHas(String metadataJson) {
        stubFor(get(urlPathEqualTo(SERVER)).willReturn(okJson(fixture("openstack/nova-server-shutoff.json")
                .replace("\"metadata\": {}", "\"metadata\": " + metadataJson))));
    }

    private void imageActionAnswers() {
        stubFor(post(urlPathEqualTo(SERVER + "/action")).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody("{\"image_id\": \"" + IMAGE + "\"}")));
    }

    private StoredEntity onlyAction(String server) {
        List<StoredEntity> actions = os.all("ServerAction", "server", server);
        assertThat(actions).hasSize(1);
        return actions.get(0);
    }

    @Test
    void createImageWaitsUntilGlanceSaysActiveAndRecordsTheImage() {
        String server = server();
        imageActionAnswers();
        stubFor(get(urlPathEqualTo(GLANCE_IMAGE)).inScenario("snap").whenScenarioStateIs(STARTED).willSetStateTo("saving")
                .willReturn(okJson(glanceImage("queued"))));
        stubFor(get(urlPathEqualTo(GLANCE_IMAGE)).inScenario("snap").whenScenarioStateIs("saving").willSetStateTo("active")
                .willReturn(okJson(glanceImage("saving"))));
        stubFor(get(urlPathEqualTo(GLANCE_IMAGE)).inScenario("snap").whenScenarioStateIs("active")
                .willReturn(okJson(glanceImage("active"))));
        // Nova clears the server's task a look after Glance has the image
        stubFor(get(urlPathEqualTo(SERVER)).inScenario("task").whenScenarioStateIs(STARTED).willSetStateTo("cleared")
                .willReturn(okJson(fixture("openstack/nova-server-shutoff.json").replace("\"SHUTOFF\"", "\"ACTIVE\"")
                        .replace("\"OS-EXT-STS:task_state\": null", "\"OS-EXT-STS:task_state\": \"image_uploading\""))));
        stubFor(get(urlPathEqualTo(SERVER)).inScenario("task").whenScenarioStateIs("cleared")
                .willReturn(okJson(fixture("openstack/nova-server-shutoff.json").replace("\"SHUTOFF\"", "\"ACTIVE\""))));

        PressResult result = os.press("Server", "createServerImage", server, Map.of("imageName", "dev-web-1-snap"));

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        verify(2, getRequestedFor(urlPathEqualTo(SERVER)));
        assertThat(result.message()).isEqualTo("Server dev-web-1: image dev-web-1-snap created (Glance id " + IMAGE + "), active, 1048576 bytes");
        verify(postRequestedFor(urlPathEqualTo(SERVER + "/action")).withHeader("OpenStack-API-Version", equalTo("compute 2.79"))
                .withRequestBody(equalToJson("{\"createImage\": {\"name\": \"dev-web-1-snap\", \"metadata\": {}}}")));
        List<StoredEntity> images = os.all("Image", "providerSideId", IMAGE);
        assertThat(images).hasSize(1);
        StoredEntity image = images.get(0);
        assertThat(image.value("name")).isEqualTo("dev-web-1-snap");
        assertThat(image.value("state")).isEqualTo("active");
        assertThat(image.value("fromServer")).isEqualTo(ID);
        assertThat(image.value("provider")).isEqualTo(os.provider);
        StoredEntity action = onlyAction(server);
        assertThat(action.value("action")).isEqualTo("createImage");
        assertThat(action.value("outcome")).isEqualTo("success");
        assertThat(time.slept()).as("waited on the fake clock").isPositive();
    }

    @Test
    void aSnapshotGlanceKillsFailsThePressAndKeepsTheImageFound() {
        String server = server();
        imageActionAnswers();
        stubFor(get(urlPathEqualTo(GLANCE_IMAGE)).inScenario("snap").whenScenarioStateIs(STARTED).willSetStateTo("killed")
                .willReturn(okJson(glanceImage("queued"))));
        stubFor(get(urlPathEqualTo(GLANCE_IMAGE)).inScenario("snap").whenScenarioStateIs("killed")
                .willReturn(okJson(glanceImage("killed"))));

        PressResult result = os.press("Server", "createServerImage", server, Map.of("imageName", "dev-web-1-snap"));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).contains("killed");
        List<StoredEntity> images = os.all("Image", "providerSideId", IMAGE);
        assertThat(images).as("kept durably as soon as Nova named it").hasSize(1);
        assertThat(onlyAction(server).value("outcome")).isEqualTo("failure");
    }

    @Test
    void aCreateImageNovaRefusesIsSaidInNovasWordsAndRecordsNoImage() {
        String server = server();
        stubFor(post(urlPathEqualTo(SERVER + "/action")).willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/json")
                .withHeader("X-Compute-Request-Id", "req-0c9d8e7f")
                .withBody("{\"conflictingRequest\": {\"code\": 409, \"message\": \"Cannot 'createImage' instance " + ID
                        + " while it is in task_state image_snapshot\"}}")));

        PressResult result = os.press("Server", "createServerImage", server, Map.of("imageName", "dev-web-1-snap"));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).isEqualTo("Nova refused the request (HTTP 409, conflictingRequest): Cannot 'createImage' instance "
                + ID + " while it is in task_state image_snapshot [request id req-0c9d8e7f]");
        assertThat(os.all("Image", "providerSideId", IMAGE)).isEmpty();
        assertThat(onlyAction(server).value("outcome")).isEqualTo("failure");
    }

    @Test
    void keysAddedOrChangedArePostedAndTheOthersLeftAlone() {
        String server = server("metadata", Map.of("purpose", "web", "owner", "ops"));
        novaHas("{\"purpose\": \"db\", \"mv-infra-entity\": \"x\"}");
        stubFor(post(urlPathEqualTo(SERVER + "/metadata")).willReturn(okJson("{\"metadata\": {}}")));

        PressResult result = os.press("Server", "updateServer", server);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).isEqualTo("Server dev-web-1 updated at OpenStack: metadata owner, purpose set");
        verify(postRequestedFor(urlPathEqualTo(SERVER + "/metadata"))
                .withRequestBody(equalToJson("{\"metadata\": {\"purpose\": \"web\", \"owner\": \"ops\"}}")));
        verify(0, putRequestedFor(anyUrl()));
    }

    @Test
    void aKeyTheEntityDroppedReplacesTheWholeSetWithPutKeepingTheEntityKey() {
        String server = server("instanceName", "dev-web-2", "metadata", Map.of("purpose", "web"));
        novaHas("{\"purpose\": \"web\", \"old\": \"1\", \"mv-infra-entity\": \"e-1\"}");
        stubFor(put(urlPathEqualTo(SERVER)).willReturn(okJson(fixture("openstack/nova-server-shutoff.json").replace("\"dev-web-1\"", "\"dev-web-2\""))));
        stubFor(put(urlPathEqualTo(SERVER + "/metadata")).willReturn(okJson("{\"metadata\": {}}")));

        PressResult dry = os.dryRun("Server", "updateServer", server);
        PressResult result = os.press("Server", "updateServer", server);

        assertThat(dry.message()).startsWith("Dry run: PUT ").contains(SERVER + " {\"server\":{\"name\":\"dev-web-2\"}}; PUT ")
                .contains(SERVER + "/metadata {\"metadata\":{");
        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).isEqualTo("Server dev-web-2 updated at OpenStack: name; metadata replaced (2 keys)");
        verify(1, putRequestedFor(urlPathEqualTo(SERVER)).withRequestBody(equalToJson("{\"server\": {\"name\": \"dev-web-2\"}}")));
        verify(1, putRequestedFor(urlPathEqualTo(SERVER + "/metadata"))
                .withRequestBody(equalToJson("{\"metadata\": {\"purpose\": \"web\", \"mv-infra-entity\": \"e-1\"}}")));
        verify(0, postRequestedFor(urlPathEqualTo(SERVER + "/metadata")));
        verify(0, deleteRequestedFor(urlPathMatching(".*/metadata/.*")));
    }

    @Test
    void nothingDifferentSendsNothing() {
        String server = server("metadata", Map.of("purpose", "web"));
        novaHas("{\"purpose\": \"web\"}");

        PressResult result = os.press("Server", "updateServer", server);

        assertThat(result.message()).isEqualTo("Server dev-web-1: nothing to change at OpenStack");
        verify(0, putRequestedFor(anyUrl()));
        verify(0, postRequestedFor(urlPathMatching(NOVA + "/.*")));
    }
}
