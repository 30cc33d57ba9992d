package io.mvinfra.openstack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

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
 * What Synnefo Cyclades has and Nova has not, pressed on a CYCLADES ServiceProvider against a stub that answers as
 * Synnefo's compute API guide and its servers.py do: the VNC console with a one-time password, firewallProfile on a
 * NIC, reassign to a project, personality files and project on create, stats and diagnostics, and a BadRequest where
 * Nova would say 404 or 405. Waits on a fake clock.
 */
@WireMockTest
class CycladesActionsTest {

    private static final String ID = "42";
    private static final String CYCLADES = "/compute/v2.0";
    private static final String SERVER = CYCLADES + "/servers/" + ID;
    private static final String PROJECT_A = "a1b2c3d4-0000-4000-8000-00000000000a";
    private static final String PROJECT_B = "9969f2fd-86d8-45d6-9106-5e251f7dd92f";

    private final FakeTime time = new FakeTime();
    private OpenStackTestbed os;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        os = OpenStackTestbed.cyclades(wm.getHttpBaseUrl() + CYCLADES, "dev-", "synnefo-tok", time);
    }

    @AfterEach
    void close() {
        os.close();
    }

    /** A server as Cyclades details it: two NICs (attachments) with their firewall profiles, SNF:task_state. */
    private static String server(String status, String project, String publicProfile, String task) {
        return ("{\"server\": {\"id\": \"42\", \"name\": \"dev-web-1\", \"status\": \"STATUS\", \"tenant_id\": \"PROJECT\","
                + " \"user_id\": \"s0m5-u5e7-1d\", \"metadata\": {}, \"flavor\": {\"id\": \"1\"}, \"image\": {\"id\": \"im4g3-1d\"},"
                + " \"created\": \"2026-01-15T10:00:03Z\", \"updated\": \"2026-01-15T10:00:05Z\", \"SNF:task_state\": \"TASK\","
                + " \"addresses\": {}, \"attachments\": ["
                + "{\"id\": \"18\", \"network_id\": \"2718\", \"mac_address\": \"aa:01:02:6c:34:ab\", \"firewallProfile\": \"DISABLED\", \"ipv4\": \"10.0.0.2\", \"ipv6\": \"\"},"
                + "{\"id\": \"19\", \"network_id\": \"2719\", \"mac_address\": \"aa:00:0c:6d:34:bb\", \"firewallProfile\": \"PUBLIC\", \"ipv4\": \"192.168.1.2\", \"ipv6\": \"\"}]}}")
                .replace("STATUS", status).replace("PROJECT", project).replace("PUBLIC", publicProfile).replace("TASK", task);
    }

    private String entity(String status, Object... more) {
        Object[] fields = {"instanceName", "dev-web-1", "serverType", "1", "providerSideId", ID, "status", status, "project", PROJECT_A};
        Object[] all = new Object[fields.length + more.length];
        System.arraycopy(fields, 0, all, 0, fields.length);
        System.arraycopy(more, 0, all, fields.length, more.length);
        return os.server(all);
    }

    /** GET answers {@code before} until the action is posted, then {@code busy} once, then {@code after}. */
    private static void actionGoes(String before, String busy, String after) {
        stubFor(get(urlPathEqualTo(SERVER)).inScenario("action").whenScenarioStateIs(STARTED).willReturn(okJson(before)));
        stubFor(post(urlPathEqualTo(SERVER + "/action")).inScenario("action").whenScenarioStateIs(STARTED).willSetStateTo("busy")
                .willReturn(aResponse().withStatus(202)));
        stubFor(get(urlPathEqualTo(SERVER)).inScenario("action").whenScenarioStateIs("busy").willSetStateTo("done")
                .willReturn(okJson(busy)));
        stubFor(get(urlPathEqualTo(SERVER)).inScenario("action").whenScenarioStateIs("done").willReturn(okJson(after)));
    }

    private StoredEntity onlyAction(String server) {
        List<StoredEntity> actions = os.all("ServerAction", "server", server);
        assertThat(actions).hasSize(1);
        return actions.get(0);
    }

    @Test
    void theVncConsolesPasswordIsShownOnceAndKeptNowhere() {
        String server = entity("ACTIVE");
        stubFor(post(urlPathEqualTo(SERVER + "/action")).willReturn(okJson(
                "{\"console\": {\"type\": \"vnc\", \"host\": \"vm42.example.org\", \"port\": 1234, \"password\": \"513NR14PN0T\"}}")));

        PressResult result;
        String logged;
        try (LogCapture logs = LogCapture.start()) {
            result = os.press("Server", "openServerConsole", server);
            logged = logs.text();
        }

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).isEqualTo("Server dev-web-1: VNC console at vm42.example.org port 1234, password 513NR14PN0T"
                + " (shown this once, not kept)");
        verify(postRequestedFor(urlPathEqualTo(SERVER + "/action")).withRequestBody(equalToJson("{\"console\": {\"type\": \"vnc\"}}"))
                .withHeader("X-Auth-Token", equalTo("synnefo-tok")));
        assertThat(logged).as("not even at TRACE").contains("vm42.example.org").doesNotContain("513NR14PN0T");
        List<AuditEntry> audit = os.host.audit().recent(server, 0, 10);
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).message()).contains("vm42.example.org port 1234").doesNotContain("513NR14PN0T");
        StoredEntity action = onlyAction(server);
        assertThat(action.value("action")).isEqualTo("console");
        assertThat(action.value("outcome")).isEqualTo("success");
        assertThat(action.toString() + action.value("response")).doesNotContain("513NR14PN0T");
        assertThat(os.entity("Server", server).toString()).doesNotContain("513NR14PN0T");
    }

    @Test
    void aFirewallProfileIsSetOnTheNicAndWaitedForUntilTheNicShowsIt() {
        String server = entity("ACTIVE");
        actionGoes(server("ACTIVE", PROJECT_A, "DISABLED", ""), server("ACTIVE", PROJECT_A, "DISABLED", "BUILDING"),
                server("ACTIVE", PROJECT_A, "PROTECTED", ""));

        PressResult result = os.press("Server", "setServerFirewallProfile", server, Map.of("profile", "protected", "nic", "19"));

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).isEqualTo("Server dev-web-1: firewall profile of NIC 19 now PROTECTED (status ACTIVE)");
        verify(1, postRequestedFor(urlPathEqualTo(SERVER + "/action"))
                .withRequestBody(equalToJson("{\"firewallProfile\": {\"profile\": \"PROTECTED\", \"nic\": \"19\"}}")));
        StoredEntity action = onlyAction(server);
        assertThat(action.value("action")).isEqualTo("firewallProfile");
        assertThat(action.value("outcome")).isEqualTo("success");
        assertThat(action.value("responseStatus")).isEqualTo("NIC 19 PROTECTED");
        assertThat(time.slept()).as("waited while Cyclades applied it").isPositive();
    }

    @Test
    void aNicTheServerDoesNotHaveOrAWrongProfileIsRefusedBeforeTheAction() {
        String server = entity("ACTIVE");
        stubFor(get(urlPathEqualTo(SERVER)).willReturn(okJson(server("ACTIVE", PROJECT_A, "DISABLED", ""))));

        PressResult wrongNic = os.press("Server", "setServerFirewallProfile", server, Map.of("profile", "ENABLED", "nic", "77"));
        PressResult noNic = os.press("Server", "setServerFirewallProfile", server, Map.of("profile", "ENABLED"));
        PressResult wrongProfile = os.press("Server", "setServerFirewallProfile", server, Map.of("profile", "OPEN", "nic", "19"));

        assertThat(wrongNic.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(wrongNic.message()).isEqualTo("nic: '77' is no NIC of the server; it has 18, 19");
        assertThat(noNic.message()).isEqualTo("nic: is required: the server has NICs 18, 19");
        assertThat(wrongProfile.message()).contains("profile", "'OPEN'", "one of ENABLED, DISABLED, PROTECTED");
        verify(0, postRequestedFor(anyUrl()));
        assertThat(os.all("ServerAction", "server", server)).isEmpty();
    }

    @Test
    void reassignMovesTheServerToTheProjectAndWaitsUntilCycladesReportsIt() {
        String server = entity("ACTIVE");
        actionGoes(server("ACTIVE", PROJECT_A, "DISABLED", ""), server("ACTIVE", PROJECT_A, "DISABLED", ""),
                server("ACTIVE", PROJECT_B, "DISABLED", ""));

        PressResult result = os.press("Server", "reassignServer", server, Map.of("project", PROJECT_B));

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).isEqualTo("Server dev-web-1: reassigned to project " + PROJECT_B);
        verify(1, postRequestedFor(urlPathEqualTo(SERVER + "/action"))
                .withRequestBody(equalToJson("{\"reassign\": {\"project\": \"" + PROJECT_B + "\"}}")));
        assertThat(os.field("Server", server, "project")).isEqualTo(PROJECT_B);
        assertThat(onlyAction(server).value("action")).isEqualTo("reassign");
    }

    @Test
    void reassignWithoutAProjectUuidIsRefusedBeforeAnyRequest() {
        String server = entity("ACTIVE");

        PressResult missing = os.press("Server", "reassignServer", server);
        PressResult notUuid = os.press("Server", "reassignServer", server, Map.of("project", "my project"));

        assertThat(missing.message()).isEqualTo("project: is required: the uuid of the project to count the server against");
        assertThat(notUuid.message()).isEqualTo("project: 'my project' is not a project uuid");
        verify(0, postRequestedFor(anyUrl()));
        verify(0, getRequestedFor(anyUrl()));
    }

    @Test
    void aCreateSendsPersonalityFilesInBase64AndTheProject(WireMockRuntimeInfo wm) {
        String image = os.create("Image", "name", "debian", "providerSideId", "im4g3-1d", "provider", os.provider);
        String server = os.server("instanceName", "dev-web-1", "serverType", "1", "image", image, "project", PROJECT_B,
                "personality", Map.of("/etc/motd", "hello\n"));
        stubFor(get(urlPathEqualTo(CYCLADES + "/flavors")).willReturn(okJson("{\"flavors\": [{\"id\": \"1\", \"name\": \"C1R1024D20\"}]}")));
        stubFor(post(urlPathEqualTo(CYCLADES + "/servers")).willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                .withBody(server("BUILD", PROJECT_B, "DISABLED", "").replace("\"SNF:task_state\": \"\"", "\"adminPass\": \"fKCqlZe2at\""))));
        stubFor(get(urlPathEqualTo(SERVER)).willReturn(okJson(server("ACTIVE", PROJECT_B, "DISABLED", ""))));

        PressResult result = os.press("Server", "createServer", server);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        String motd = Base64.getEncoder().encodeToString("hello\n".getBytes(StandardCharsets.UTF_8));
        verify(postRequestedFor(urlPathEqualTo(CYCLADES + "/servers")).withRequestBody(equalToJson("{\"server\": {\"name\": \"dev-web-1\","
                + " \"imageRef\": \"im4g3-1d\", \"flavorRef\": \"1\", \"project\": \"" + PROJECT_B + "\","
                + " \"personality\": [{\"path\": \"/etc/motd\", \"contents\": \"" + motd + "\"}],"
                + " \"metadata\": {\"mv-infra-entity\": \"" + server + "\"}}}")));
        assertThat(os.field("Server", server, "project")).isEqualTo(PROJECT_B);
        assertThat(os.entity("Server", server).toString()).doesNotContain("fKCqlZe2at");
    }

    @Test
    void personalityOverCycladesLimitsIsRefusedBeforeAnyRequestNamingTheField() {
        String image = os.create("Image", "name", "debian", "providerSideId", "im4g3-1d", "provider", os.provider);
        String big = os.server("instanceName", "dev-web-1", "serverType", "1", "image", image,
                "personality", Map.of("/etc/big", "x".repeat(8000)));
        String many = os.server("instanceName", "dev-web-2", "serverType", "1", "image", image,
                "personality", Map.of("/a", "1", "/b", "2", "/c", "3", "/d", "4", "/e", "5", "/f", "6"));
        stubFor(get(urlPathEqualTo(CYCLADES + "/flavors")).willReturn(okJson("{\"flavors\": [{\"id\": \"1\", \"name\": \"C1R1024D20\"}]}")));

        PressResult tooBig = os.press("Server", "createServer", big);
        PressResult tooMany = os.press("Server", "createServer", many);

        assertThat(tooBig.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(tooBig.message()).contains("personality", "/etc/big is 10668 characters once in base64; Cyclades takes at most 10240 a file");
        assertThat(tooMany.message()).contains("personality", "has 6 files; Cyclades takes at most 5");
        verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void statsAndDiagnosticsAreShownAsCycladesGivesThem() {
        String server = entity("ACTIVE");
        stubFor(get(urlPathEqualTo(SERVER + "/stats")).willReturn(okJson("{\"stats\": {\"serverRef\": 42, \"refresh\": 60,"
                + " \"cpuBar\": \"http://stats.example.org/b9a/cpu-bar.png\", \"cpuTimeSeries\": \"http://stats.example.org/b9a/cpu-ts.png\","
                + " \"netBar\": \"http://stats.example.org/b9a/net-bar.png\", \"netTimeSeries\": \"http://stats.example.org/b9a/net-ts.png\"}}")));
        stubFor(get(urlPathEqualTo(SERVER + "/diagnostics")).willReturn(okJson("[{\"level\": \"DEBUG\", \"created\": \"2013-04-09T15:25:53.965144+00:00\","
                + " \"source\": \"image-helper-task-start\", \"source_date\": \"2013-04-09T15:25:53.954695+00:00\", \"message\": \"FixPartitionTable\", \"details\": null},"
                + " {\"level\": \"DEBUG\", \"created\": \"2013-04-09T15:25:46.413718+00:00\", \"source\": \"image-info\","
                + " \"source_date\": \"2013-04-09T15:25:46.404477+00:00\", \"message\": \"Starting customization VM...\", \"details\": null}]")));

        PressResult stats = os.press("Server", "showServerStats", server);
        PressResult diagnostics = os.press("Server", "showServerDiagnostics", server);

        assertThat(stats.outcome()).as(stats.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(stats.message()).isEqualTo("Server dev-web-1: CPU http://stats.example.org/b9a/cpu-bar.png (over time"
                + " http://stats.example.org/b9a/cpu-ts.png); network http://stats.example.org/b9a/net-bar.png (over time"
                + " http://stats.example.org/b9a/net-ts.png); refreshed every 60 s");
        assertThat(diagnostics.outcome()).as(diagnostics.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(diagnostics.message()).startsWith("Server dev-web-1: 2 diagnostics:")
                .contains("2013-04-09T15:25:53.965144Z DEBUG image-helper-task-start: FixPartitionTable")
                .contains("2013-04-09T15:25:46.413718Z DEBUG image-info: Starting customization VM...");
        verify(getRequestedFor(urlPathEqualTo(SERVER + "/stats")).withHeader("X-Auth-Token", equalTo("synnefo-tok")));
    }

    @Test
    void aBadRequestWhileWaitingForADeleteIsARefusalNeverTakenForGone() {
        String server = entity("ACTIVE");
        stubFor(delete(urlPathEqualTo(SERVER)).willReturn(aResponse().withStatus(204)));
        // Cyclades answers a URL or method it does not serve with a BadRequest fault, where Nova would say 404 or 405
        stubFor(get(urlPathEqualTo(SERVER)).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"badRequest\": {\"code\": 400, \"message\": \"Method not allowed\", \"details\": \"\"}}")));

        PressResult result = os.press("Server", "deleteServer", server);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).contains("HTTP 400, badRequest", "Method not allowed");
        assertThat(os.field("Server", server, "status")).as("not marked deleted").isEqualTo("ACTIVE");
        assertThat(onlyAction(server).value("outcome")).isEqualTo("failure");
    }

    @Test
    void nothingOfCycladesOwnIsAskedOfNova(WireMockRuntimeInfo wm) {
        OpenStackTestbed nova = OpenStackTestbed.at(wm.getHttpBaseUrl() + "/v3", "dev-");
        try {
            stubFor(post(urlPathEqualTo("/v3/auth/tokens")).willReturn(aResponse().withStatus(201).withHeader("X-Subject-Token", "tok-1")
                    .withHeader("Content-Type", "application/json")
                    .withBody(support.Fixtures.fixture("openstack/keystone-token-stub-catalog.json").replace("BASE", wm.getHttpBaseUrl()))));
            stubFor(get(urlPathEqualTo("/compute/v2.1/")).willReturn(okJson(support.Fixtures.fixture("openstack/nova-version-2.1.json"))));
            String server = nova.server("instanceName", "dev-web-1", "serverType", "m1.tiny", "providerSideId", ID, "status", "ACTIVE");

            PressResult result = nova.press("Server", "reassignServer", server, Map.of("project", PROJECT_B));

            assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(result.message()).contains("reassign is Synnefo Cyclades' own; OpenStack's Nova has no such call");
            verify(0, postRequestedFor(urlPathEqualTo("/compute/v2.1/servers/" + ID + "/action")));
        } finally {
            nova.close();
        }
    }
}
