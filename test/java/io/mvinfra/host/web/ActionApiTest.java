package io.mvinfra.host.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.mvinfra.host.web.ApiClient.Response;
import io.mvinfra.host.web.testbuttons.HoldUntilReleased;
import support.TestHosts;

/** Buttons through the API: which show, pressing, long presses followed by id, the audit trail they leave. */
class ActionApiTest {
    private static WebHost web;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        web = WebHost.start("web-api");
        api = web.client().session();
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    @AfterEach
    void releaseHeldButtons() {
        HoldUntilReleased.release();
    }

    @Test
    void listsOnlyTheButtonsWhoseConditionHolds() {
        String active = provider("cond-active", "ACTIVE");
        String inactive = provider("cond-inactive", "INACTIVE");

        List<String> onActive = testButtons(codes(api.get(actions(active)).json()));
        List<String> onInactive = testButtons(codes(api.get(actions(inactive)).json()));

        assertThat(onActive).containsExactly("holdUntilReleased", "refuseNamingTheField", "echoParameters");
        assertThat(onInactive).containsExactly("holdUntilReleased", "refuseNamingTheField", "echoParameters", "reactivate");
    }

    @Test
    void aButtonOfTheListRunsWithNoEntityAndOneEntityButtonsAreNotOfferedThere() {
        provider("on-list-1", "ACTIVE");
        long providers = web.host().store().count("ServiceProvider");

        List<String> onList = codes(api.get("/api/lists/ServiceProvider/actions").json());
        Response pressed = api.post("/api/lists/ServiceProvider/actions/countOnList", Map.of());
        Response notOnList = api.post("/api/lists/ServiceProvider/actions/reactivate", Map.of());

        assertThat(onList).containsExactly("countOnList");
        assertThat(pressed.status()).isEqualTo(200);
        assertThat(pressed.json().path("result").path("outcome").asText()).isEqualTo("SUCCESS");
        assertThat(pressed.json().path("result").path("message").asText()).isEqualTo(providers + " service providers");
        assertThat(pressed.json().path("uuid").isNull()).isTrue();
        assertThat(notOnList.status()).isEqualTo(409);
        assertThat(notOnList.json().path("error").asText()).isEqualTo("the button 'Reactivate' works on one Service provider, not on the list");
    }

    @Test
    void pressingAQuickButtonAnswersWithItsMessageAndTheScriptsWrites() {
        String uuid = provider("press-quick", "INACTIVE");

        Response r = api.post(actions(uuid) + "/reactivate", Map.of());

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("state").asText()).isEqualTo("DONE");
        assertThat(r.json().path("result").path("outcome").asText()).isEqualTo("SUCCESS");
        assertThat(r.json().path("result").path("message").asText()).isEqualTo("press-quick is active again");
        assertThat(api.get("/api/entities/ServiceProvider/" + uuid).json().path("fields").path("status").asText()).isEqualTo("ACTIVE");
        assertThat(codes(api.get(actions(uuid)).json())).doesNotContain("reactivate");
    }

    @Test
    void aLongPressIsFollowedByIdAndCannotBeStartedTwice() {
        String uuid = provider("press-long", "ACTIVE");
        HoldUntilReleased.hold();

        Response started = api.post(actions(uuid) + "/holdUntilReleased?wait=0", Map.of());
        Response again = api.post(actions(uuid) + "/holdUntilReleased?wait=0", Map.of());
        String id = started.json().path("id").asText();
        Response running = api.get("/api/presses/" + id);
        Response progressed = progressOf(id);
        List<String> runningIds = api.get("/api/presses").json().findValuesAsText("id");
        HoldUntilReleased.release();
        Response done = api.get("/api/presses/" + id + "?wait=10");

        assertThat(started.status()).isEqualTo(202);
        assertThat(started.header("Location")).isEqualTo("/api/presses/" + id);
        assertThat(started.json().path("state").asText()).isEqualTo("RUNNING");
        assertThat(started.json().path("label").asText()).isEqualTo("Wait for the test");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("error").asText()).contains("already running").contains(id);
        assertThat(running.json().path("state").asText()).isEqualTo("RUNNING");
        assertThat(progressed.json().path("progress").asText()).isEqualTo("waiting for the test to release it");
        assertThat(runningIds).contains(id);
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.json().path("result").path("message").asText()).isEqualTo("released");
    }

    /** The press's first progress line: a long poll that has seen none returns as soon as the script reports one. */
    private Response progressOf(String id) {
        return api.get("/api/presses/" + id + "?wait=10&seen=");
    }

    @Test
    void aFailedPressCarriesTheScriptsMessage() {
        String uuid = provider("press-fails", "ACTIVE");

        Response r = api.post(actions(uuid) + "/refuseNamingTheField", Map.of());

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("result").path("outcome").asText()).isEqualTo("FAILED");
        assertThat(r.json().path("result").path("message").asText()).isEqualTo("apiBaseUrl: the provider answered 404 at this address <check it>");
    }

    @Test
    void passesDryRunAndParametersButNotReservedNames() {
        String uuid = provider("press-params", "ACTIVE");

        Response dry = api.post(actions(uuid) + "/echoParameters", Map.of("dryRun", true, "parameters", Map.of("note", "hello")));
        Response reserved = api.post(actions(uuid) + "/echoParameters", Map.of("parameters", Map.of("CONTEXT_CURRENT_USER", "someone-else")));

        assertThat(dry.json().path("dryRun").asBoolean()).isTrue();
        assertThat(dry.json().path("result").path("message").asText())
                .isEqualTo("user=" + System.getProperty("user.name") + " dryRun=true note=hello");
        assertThat(reserved.status()).isEqualTo(400);
    }

    @Test
    void refusesAButtonThatDoesNotApplyOrDoesNotExist() {
        String uuid = provider("press-refused", "ACTIVE");

        Response notNow = api.post(actions(uuid) + "/reactivate", Map.of());
        Response unknown = api.post(actions(uuid) + "/noSuchButton", Map.of());
        Response noEntity = api.post("/api/entities/ServiceProvider/00000000-0000-0000-0000-000000000000/actions/reactivate", Map.of());

        assertThat(notNow.status()).isEqualTo(409);
        assertThat(notNow.json().path("error").asText()).contains("Reactivate").contains("does not apply");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(noEntity.status()).isEqualTo(404);
    }

    @Test
    void theAuditTrailRecordsWhoPressedWhatAndHowItEnded() {
        String uuid = provider("audited", "INACTIVE");
        api.post(actions(uuid) + "/reactivate", Map.of());
        api.post(actions(uuid) + "/refuseNamingTheField", Map.of());

        JsonNode audit = api.get("/api/audit?entity=" + uuid).json();

        assertThat(audit.path("items")).hasSize(2);
        JsonNode last = audit.path("items").get(0);
        assertThat(last.path("action").asText()).isEqualTo("refuseNamingTheField");
        assertThat(last.path("actionLabel").asText()).isEqualTo("Always refuses");
        assertThat(last.path("outcome").asText()).isEqualTo("FAILED");
        assertThat(last.path("user").asText()).isEqualTo(System.getProperty("user.name"));
        assertThat(last.path("entity").asText()).isEqualTo("ServiceProvider");
        assertThat(last.path("durationMs").isNumber()).isTrue();
        assertThat(audit.path("items").get(1).path("outcome").asText()).isEqualTo("SUCCESS");
        assertThat(audit.path("references").path(uuid).path("label").asText()).isEqualTo("audited");
        assertThat(api.get("/api/audit?limit=1").json().path("hasMore").asBoolean()).isTrue();
    }

    private static String provider(String code, String status) {
        Response r = api.post("/api/entities/ServiceProvider", Map.of("fields", Map.of("code", code, "kind", "CYCLADES", "status", status)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("uuid").asText();
    }

    private static String actions(String uuid) {
        return "/api/entities/ServiceProvider/" + uuid + "/actions";
    }

    /**
     * The test module's own buttons among {@code codes}: the module's real ServiceProvider buttons (one per provider
     * kind, each with its own condition) are laid under them and are not what this test is about.
     */
    private static List<String> testButtons(List<String> codes) {
        Path overlay = TestHosts.projectDir().resolve("test/resources/modules/web-api/entityCustomActions/ServiceProvider");
        return codes.stream().filter(code -> Files.exists(overlay.resolve(code + ".json"))).toList();
    }

    private static List<String> codes(JsonNode buttons) {
        List<String> out = new ArrayList<>();
        buttons.forEach(b -> out.add(b.path("code").asText()));
        return out;
    }
}
