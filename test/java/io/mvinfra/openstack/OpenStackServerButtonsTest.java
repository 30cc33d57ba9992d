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
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static support.Fixtures.fixture;

import java.util.List;

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
 * The Server buttons against stubs of Keystone and Nova, for what the real stack cannot show: a boot ending in ERROR
 * with its fault, a quota refusal (overLimit), a server Nova does not have (itemNotFound), a second stop
 * (conflictingRequest), an older cloud's microversion; waits on a fake clock.
 */
@WireMockTest
class OpenStackServerButtonsTest {

    private static final String ID = "5b2e8f7c-1d2e-4f3a-9b8c-7d6e5f4a3b2c";
    private static final String IMAGE_ID = "0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d";
    private static final String NOVA = "/compute/v2.1";
    private static final String SERVER = NOVA + "/servers/" + ID;

    private final FakeTime time = new FakeTime();
    private OpenStackTestbed os;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        stubFor(post(urlPathEqualTo("/v3/auth/tokens")).willReturn(aResponse().withStatus(201).withHeader("X-Subject-Token", "tok-1")
                .withHeader("Content-Type", "application/json")
                .withBody(fixture("openstack/keystone-token-stub-catalog.json").replace("BASE", wm.getHttpBaseUrl()))));
        stubFor(get(urlPathEqualTo(NOVA + "/")).willReturn(okJson(fixture("openstack/nova-version-2.1.json"))));
        stubFor(get(urlPathEqualTo(NOVA + "/flavors")).willReturn(okJson(fixture("openstack/nova-flavors.json"))));
        os = OpenStackTestbed.at(wm.getHttpBaseUrl() + "/v3", "dev-", time);
    }

    @AfterEach
    void close() {
        os.close();
    }

    private String newServer(Object... more) {
        String image = os.create("Image", "name", "cirros", "providerSideId", IMAGE_ID, "provider", os.provider);
        Object[] fields = {"instanceName", "dev-web-1", "serverType", "m1.tiny", "image", image, "userData", "#cloud-config\n"};
        Object[] all = new Object[fields.length + more.length];
        System.arraycopy(fields, 0, all, 0, fields.length);
        System.arraycopy(more, 0, all, fields.length, more.length);
        return os.server(all);
    }

    private static void novaRefuses(com.github.tomakehurst.wiremock.client.MappingBuilder request, int status, String fixture) {
        stubFor(request.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("X-Compute-Request-Id", "req-0c9d8e7f").withBody(fixture(fixture))));
    }

    private StoredEntity onlyAction(String server) {
        List<StoredEntity> actions = os.all("ServerAction", "server", server);
        assertThat(actions).hasSize(1);
        return actions.get(0);
    }

    @Test
    void aCreateEndingInErrorFailsWithTheServersFaultAndKeepsItsId() {
        String server = newServer();
        stubFor(post(urlPathEqualTo(NOVA + "/servers")).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody(fixture("openstack/nova-server-created.json"))));
        stubFor(get(urlPathEqualTo(SERVER)).inScenario("boot").whenScenarioStateIs(STARTED).willSetStateTo("error")
                .willReturn(okJson(fixture("openstack/nova-server-building.json"))));
        stubFor(get(urlPathEqualTo(SERVER)).inScenario("boot").whenScenarioStateIs("error")
                .willReturn(okJson(fixture("openstack/nova-server-error.json"))));

        PressResult result = os.press("Server", "createServer", server);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).isEqualTo("Nova: Server dev-web-1 went ERROR: No valid host was found. "
                + "There are not enough hosts available. (code 500)");
        assertThat(os.field("Server", server, "providerSideId")).as("kept durably though the press failed").isEqualTo(ID);
        StoredEntity action = onlyAction(server);
        assertThat(action.value("action")).isEqualTo("create");
        assertThat(action.value("outcome")).isEqualTo("failure");
        assertThat(action.value("providerSideId")).isEqualTo(ID);
        assertThat((String) action.value("response")).contains("No valid host").doesNotContain("Zq8rT3vWx9Lp");
        verify(postRequestedFor(urlPathEqualTo(NOVA + "/servers"))
                .withHeader("OpenStack-API-Version", equalTo("compute 2.79"))
                .withHeader("X-Auth-Token", equalTo("tok-1"))
                .withRequestBody(equalToJson("{\"server\": {\"name\": \"dev-web-1\", \"imageRef\": \"" + IMAGE_ID + "\", \"flavorRef\": \"1\","
                        + " \"networks\": \"auto\", \"user_data\": \"I2Nsb3VkLWNvbmZpZwo=\","
                        + " \"metadata\": {\"mv-infra-entity\": \"" + server + "\"}}}")));
        assertThat(time.slept()).as("waited on the fake clock").isPositive();
    }

    @Test
    void aQuotaRefusalReachesTheOperatorInNovasWordsAndIsNotResent() {
        String server = newServer();
        novaRefuses(post(urlPathEqualTo(NOVA + "/servers")), 413, "openstack/nova-over-limit.json");

        PressResult result = os.press("Server", "createServer", server);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).isEqualTo("Nova refused the request (HTTP 413, overLimit): Quota exceeded for cores: "
                + "Requested 2, but already used 20 of 20 cores [request id req-0c9d8e7f]");
        verify(1, postRequestedFor(urlPathEqualTo(NOVA + "/servers")));
        assertThat(os.field("Server", server, "providerSideId")).isNull();
        assertThat(onlyAction(server).value("outcome")).isEqualTo("failure");
    }

    @Test
    void userDataOverNovasLimitIsRefusedBeforeAnyRequestNamingTheField() {
        String server = newServer("userData", "x".repeat(50_000));

        PressResult result = os.press("Server", "createServer", server);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).contains("userData", "66668 characters once in base64; Nova takes at most 65535");
        verify(0, postRequestedFor(urlPathEqualTo(NOVA + "/servers")));
        assertThat(os.all("ServerAction", "server", server)).isEmpty();
    }

    @Test
    void aCloudBefore2Point37IsSpokenToAtItsVersionWithoutNetworks() {
        stubFor(get(urlPathEqualTo(NOVA + "/")).willReturn(okJson(fixture("openstack/nova-version-2.1.json").replace("\"2.93\"", "\"2.25\""))));
        String server = newServer();

        PressResult result = os.dryRun("Server", "createServer", server);

        assertThat(result.message()).startsWith("Dry run: POST ").contains(NOVA + "/servers {\"server\":{")
                .doesNotContain("networks").contains("\"flavorRef\":\"1\"");
        verify(0, postRequestedFor(urlPathEqualTo(NOVA + "/servers")));
    }

    @Test
    void aServerNovaDoesNotHaveIsSaidSoByNova() {
        String server = os.server("instanceName", "dev-web-1", "serverType", "m1.tiny", "providerSideId", ID, "status", "ACTIVE");
        novaRefuses(get(urlPathEqualTo(SERVER)), 404, "openstack/nova-item-not-found.json");

        PressResult result = os.press("Server", "stopServer", server);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).isEqualTo("Nova refused the request (HTTP 404, itemNotFound): Instance " + ID
                + " could not be found. [request id req-0c9d8e7f]");
        verify(0, postRequestedFor(urlPathEqualTo(SERVER + "/action")));
    }

    @Test
    void aSecondStopIsNovasConflictSaidClearlyAndRecorded() {
        String server = os.server("instanceName", "dev-web-1", "serverType", "m1.tiny", "providerSideId", ID, "status", "ACTIVE");
        stubFor(get(urlPathEqualTo(SERVER)).willReturn(okJson(fixture("openstack/nova-server-shutoff.json"))));
        novaRefuses(post(urlPathEqualTo(SERVER + "/action")), 409, "openstack/nova-conflicting-request.json");

        PressResult result = os.press("Server", "stopServer", server);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).isEqualTo("Nova refused the request (HTTP 409, conflictingRequest): Cannot 'os-stop' instance "
                + ID + " while it is in vm_state stopped [request id req-0c9d8e7f]");
        verify(postRequestedFor(urlPathEqualTo(SERVER + "/action")).withRequestBody(equalToJson("{\"os-stop\": {}}")));
        StoredEntity action = onlyAction(server);
        assertThat(action.value("action")).isEqualTo("os-stop");
        assertThat(action.value("outcome")).isEqualTo("failure");
        assertThat((String) action.value("response")).contains("conflictingRequest");
    }

    @Test
    void confirmingTheResizeOfAStoppedServerEndsShutoffNotWaitingForActive() {
        String server = os.server("instanceName", "dev-web-1", "serverType", "m1.tiny", "providerSideId", ID, "status", "VERIFY_RESIZE");
        String shutoff = fixture("openstack/nova-server-shutoff.json");
        stubFor(get(urlPathEqualTo(SERVER)).inScenario("confirm").whenScenarioStateIs(STARTED)
                .willReturn(okJson(shutoff.replace("\"SHUTOFF\"", "\"VERIFY_RESIZE\""))));
        stubFor(post(urlPathEqualTo(SERVER + "/action")).inScenario("confirm").whenScenarioStateIs(STARTED).willSetStateTo("confirming")
                .willReturn(aResponse().withStatus(204)));
        stubFor(get(urlPathEqualTo(SERVER)).inScenario("confirm").whenScenarioStateIs("confirming").willSetStateTo("done")
                .willReturn(okJson(shutoff.replace("\"SHUTOFF\"", "\"VERIFY_RESIZE\""))));
        stubFor(get(urlPathEqualTo(SERVER)).inScenario("confirm").whenScenarioStateIs("done").willReturn(okJson(shutoff)));

        PressResult result = os.press("Server", "confirmServerResize", server);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).isEqualTo("Server dev-web-1: confirmResize done, now SHUTOFF");
        verify(postRequestedFor(urlPathEqualTo(SERVER + "/action")).withRequestBody(equalToJson("{\"confirmResize\": {}}")));
        assertThat(os.field("Server", server, "status")).isEqualTo("SHUTOFF");
        StoredEntity action = onlyAction(server);
        assertThat(action.value("action")).isEqualTo("confirmResize");
        assertThat(action.value("outcome")).isEqualTo("success");
        assertThat(time.slept()).as("waited past VERIFY_RESIZE").isPositive();
    }
}
