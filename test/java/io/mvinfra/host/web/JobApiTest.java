package io.mvinfra.host.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.mvinfra.host.web.ApiClient.Response;

/** The module's jobs through the API: listed with their last runs, run on demand by the caller. */
class JobApiTest {
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

    @Test
    void runsAJobNowAndListsTheRun() {
        api.post("/api/entities/ServiceProvider", Map.of("fields", Map.of("code", "job-1", "kind", "CLOUDFLARE")));
        api.post("/api/entities/ServiceProvider", Map.of("fields", Map.of("code", "job-2", "kind", "SCALEWAY")));

        Response run = api.post("/api/jobs/countProviders/run?wait=10", Map.of());
        JsonNode jobs = api.get("/api/jobs").json();

        assertThat(run.status()).isEqualTo(200);
        assertThat(run.json().path("state").asText()).isEqualTo("DONE");
        assertThat(run.json().path("result").path("outcome").asText()).isEqualTo("SUCCESS");
        assertThat(run.json().path("result").path("ok").asLong()).isEqualTo(2);
        assertThat(run.json().path("result").path("triggeredBy").asText()).isEqualTo(System.getProperty("user.name"));
        JsonNode job = EntityApiTest.find(jobs, "countProviders");
        assertThat(job.path("schedule").isNull()).isTrue();
        assertThat(job.path("recentRuns").get(0).path("report").asText()).isEqualTo("2 active providers");
    }

    @Test
    void anUnknownJobIs404AndRunningOneNeedsTheToken() {
        assertThat(api.post("/api/jobs/noSuchJob/run", Map.of()).status()).isEqualTo(404);
        assertThat(web.client().post("/api/jobs/countProviders/run", Map.of()).status()).isEqualTo(403);
    }
}
