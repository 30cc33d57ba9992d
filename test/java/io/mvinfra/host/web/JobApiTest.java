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

    @Test
    void theRunsReportIsFilteredByJobAndOutcome() {
        api.post("/api/jobs/countProviders/run?wait=10", Map.of());
        api.post("/api/jobs/failingJob/run?wait=10", Map.of());

        JsonNode failed = api.get("/api/job-runs?outcome=FAILED").json();
        JsonNode counted = api.get("/api/job-runs?job=countProviders&outcome=SUCCESS&limit=1").json();
        Response unknownOutcome = api.get("/api/job-runs?outcome=MAYBE");
        Response unknownJob = api.get("/api/job-runs?job=noSuchJob");

        assertThat(failed.path("items").findValuesAsText("job")).isNotEmpty().containsOnly("failingJob");
        assertThat(failed.path("items").path(0).path("report").asText()).isEqualTo("the provider did not answer");
        assertThat(counted.path("items")).hasSize(1);
        assertThat(counted.path("items").path(0).path("job").asText()).isEqualTo("countProviders");
        assertThat(counted.path("items").path(0).path("outcome").asText()).isEqualTo("SUCCESS");
        assertThat(unknownOutcome.status()).isEqualTo(400);
        assertThat(unknownJob.status()).isEqualTo(404);
    }
}
