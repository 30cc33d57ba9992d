package io.mvinfra.host.web.api;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.mvinfra.host.Host;
import io.mvinfra.host.module.JobDescriptor;
import io.mvinfra.host.module.TimerDescriptor;
import io.mvinfra.host.runtime.JobResult;
import io.mvinfra.host.store.StoreException;
import io.mvinfra.host.web.ApiException;
import io.mvinfra.host.web.Requests;
import io.mvinfra.host.web.auth.Access;
import io.mvinfra.host.web.api.Tasks.Task;

/**
 * The module's scheduled jobs: their schedule and recent runs, and running one now. A run is followed
 * like a press: 200 with its result within {@code ?wait=} seconds, else 202 and {@code /api/job-runs/{id}}.
 */
public final class JobController {
    private static final Logger log = LoggerFactory.getLogger(JobController.class);

    private final Host host;
    /** What a run's outcome column holds (JobRunner). */
    static final List<String> OUTCOMES = List.of("SUCCESS", "PARTIAL", "FAILED", "RUNNING");

    private final Tasks<JobResult> runs;

    public JobController(Host host, Executor executor) {
        this.host = host;
        this.runs = new Tasks<>(executor, JobController::crashed, Duration.ofHours(1), 200);
    }

    public void routes(Javalin app) {
        app.get("/api/jobs", this::list);
        app.post("/api/jobs/{code}/run", this::run);
        app.get("/api/job-runs", this::report);
        app.get("/api/job-runs/{id}", this::follow);
    }

    /** The runs report: newest first, filtered by job and outcome, a page at a time. */
    private void report(Context ctx) {
        String job = blankToNull(ctx.queryParam("job"));
        String outcome = blankToNull(ctx.queryParam("outcome"));
        if (job != null && !host.module().jobs().containsKey(job)) {
            throw ApiException.notFound("no job " + job);
        }
        if (outcome != null && !OUTCOMES.contains(outcome)) {
            throw ApiException.badRequest("outcome must be one of " + String.join(", ", OUTCOMES) + ", is " + outcome);
        }
        int offset = Requests.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = Requests.intParam(ctx, "limit", 50, 1, 500);
        List<JobResult> page = host.jobs().runs(job, outcome, offset, limit + 1);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", page.subList(0, Math.min(limit, page.size())));
        out.put("hasMore", page.size() > limit);
        ctx.json(out);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private void list(Context ctx) {
        ctx.json(host.module().jobs().values().stream().map(job -> {
            TimerDescriptor timer = job.timerCode() == null ? null : host.module().timers().get(job.timerCode());
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("code", job.code());
            out.put("description", job.description());
            out.put("active", job.active());
            out.put("schedule", timer == null ? null : timer.cron());
            out.put("running", runs.running().stream().anyMatch(t -> t.key.equals(job.code())));
            out.put("recentRuns", host.jobs().recentRuns(job.code(), 5));
            return out;
        }).toList());
    }

    private void run(Context ctx) {
        String code = ctx.pathParam("code");
        JobDescriptor job = host.module().jobs().get(code);
        if (job == null) {
            throw ApiException.notFound("no job " + code);
        }
        String user = Access.user(ctx);
        Task<JobResult> task = runs.submit(code, user, Map.of("job", code), running -> host.jobs().run(code, user));
        answer(ctx, task, Requests.waitParam(ctx, ActionController.DEFAULT_WAIT_SECONDS));
    }

    private void follow(Context ctx) {
        Task<JobResult> task = runs.find(ctx.pathParam("id"))
                .orElseThrow(() -> ApiException.notFound("no job run " + ctx.pathParam("id") + " (runs are followed one hour after they end)"));
        answer(ctx, task, Requests.waitParam(ctx, 0));
    }

    private static void answer(Context ctx, Task<JobResult> task, Duration wait) {
        JobResult result = task.await(wait).orElse(null);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", task.id);
        out.putAll(task.describe);
        out.put("user", task.user);
        out.put("state", result == null ? "RUNNING" : "DONE");
        out.put("startedAt", task.startedAt);
        out.put("elapsedMs", task.elapsedMs());
        if (result == null) {
            ctx.status(202).header("Location", "/api/job-runs/" + task.id);
        } else {
            out.put("result", result);
        }
        ctx.json(out);
    }

    private static JobResult crashed(Task<JobResult> task, Throwable e) {
        log.error("job run {} of {} failed unexpectedly", task.id, task.key, e);
        String report = e instanceof StoreException ? e.getMessage() : "internal error: the host's log has the details";
        return new JobResult(0, task.key, task.startedAt, Instant.now(), task.user, "FAILED", null, null, null, report);
    }
}
