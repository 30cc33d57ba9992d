package io.mvinfra.host.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.meveo.service.script.Script;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.mvinfra.host.module.JobDescriptor;
import io.mvinfra.host.module.Module;
import io.mvinfra.host.store.Database;
import io.mvinfra.host.store.StoreException;

/** Runs a module job's script now (from the CLI, the web page or the scheduler) and records the run. */
public final class JobRunner {
    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final Module module;
    private final Database database;
    private final ScriptInvoker invoker;

    public JobRunner(Module module, Database database, ScriptInvoker invoker) {
        this.module = module;
        this.database = database;
        this.invoker = invoker;
    }

    public JobResult run(String code, String triggeredBy) {
        return run(code, triggeredBy, Map.of());
    }

    /** Runs now; {@code variables} override the job's own ScriptingJob_variables for this run only. */
    public JobResult run(String code, String triggeredBy, Map<String, ?> variables) {
        JobDescriptor job = module.jobs().get(code);
        if (job == null) {
            throw new HostException(HostException.Kind.BAD_INPUT, "no job " + code + " (jobs: " + String.join(", ", module.jobs().keySet()) + ")");
        }
        Instant started = Instant.now();
        long id = insert(code, started, triggeredBy);
        Map<String, Object> ctx = new HashMap<>(job.variables());
        ctx.putAll(variables);
        ctx.put(Script.CONTEXT_CURRENT_USER, triggeredBy);
        ctx.put(Script.CONTEXT_APP_PROVIDER, module.code());
        ScriptInvoker.Outcome outcome;
        try {
            outcome = invoker.run(job.script(), ctx, storage -> null);
        } catch (RuntimeException e) {
            outcome = new ScriptInvoker.Outcome(false, e.getMessage());
        }
        Long ko = number(ctx.get(Script.JOB_RESULT_NB_KO));
        String report = outcome.success() ? text(ctx.get(Script.JOB_RESULT_REPORT), ctx.get(Script.JOB_RESULT_SUMMARY)) : outcome.error();
        String result = !outcome.success() ? "FAILED" : ko != null && ko > 0 ? "PARTIAL" : "SUCCESS";
        JobResult run = new JobResult(id, code, started, Instant.now(), triggeredBy, result, number(ctx.get(Script.JOB_RESULT_NB_OK)), ko,
                number(ctx.get(Script.JOB_RESULT_NB_WARN)), report);
        finish(run);
        log.info("job {} ({}): {} ok={} ko={} warn={}", code, triggeredBy, result, run.ok(), run.ko(), run.warnings());
        return run;
    }

    public List<JobResult> recentRuns(String code, int limit) {
        return runs(code, null, 0, limit);
    }

    /** Runs newest first, of one job and of one outcome ({@code SUCCESS}, {@code PARTIAL}, {@code FAILED}, {@code RUNNING}) when given. */
    public List<JobResult> runs(String code, String outcome, int offset, int limit) {
        List<String> conditions = new ArrayList<>();
        if (code != null) {
            conditions.add("job_code = ?");
        }
        if (outcome != null) {
            conditions.add("outcome = ?");
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        try (Connection c = database.connection();
             PreparedStatement st = c.prepareStatement("SELECT id, job_code, started_at, ended_at, triggered_by, outcome, nb_ok, nb_ko, nb_warn, report"
                     + " FROM job_run" + where + " ORDER BY id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
            int i = 1;
            if (code != null) {
                st.setString(i++, code);
            }
            if (outcome != null) {
                st.setString(i++, outcome);
            }
            st.setInt(i++, offset);
            st.setInt(i, limit);
            List<JobResult> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Timestamp ended = rs.getTimestamp(4);
                    out.add(new JobResult(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), ended == null ? null : ended.toInstant(),
                            rs.getString(5), rs.getString(6), (Long) rs.getObject(7, Long.class), rs.getObject(8, Long.class),
                            rs.getObject(9, Long.class), rs.getString(10)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException(StoreException.Kind.UNAVAILABLE, "cannot read job runs: " + e.getMessage());
        }
    }

    private long insert(String code, Instant started, String triggeredBy) {
        try (Connection c = database.connection();
             PreparedStatement st = c.prepareStatement("INSERT INTO job_run (job_code, started_at, triggered_by, outcome) VALUES (?, ?, ?, 'RUNNING')",
                     Statement.RETURN_GENERATED_KEYS)) {
            st.setString(1, code);
            st.setTimestamp(2, Timestamp.from(started));
            st.setString(3, triggeredBy);
            st.executeUpdate();
            try (ResultSet keys = st.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException(StoreException.Kind.UNAVAILABLE, "cannot record the job run: " + e.getMessage());
        }
    }

    private void finish(JobResult run) {
        try (Connection c = database.connection();
             PreparedStatement st = c.prepareStatement("UPDATE job_run SET ended_at = ?, outcome = ?, nb_ok = ?, nb_ko = ?, nb_warn = ?, report = ? WHERE id = ?")) {
            st.setTimestamp(1, Timestamp.from(run.endedAt()));
            st.setString(2, run.outcome());
            st.setObject(3, run.ok());
            st.setObject(4, run.ko());
            st.setObject(5, run.warnings());
            String report = run.report();
            st.setString(6, report != null && report.length() > 8000 ? report.substring(0, 7999) + "…" : report);
            st.setLong(7, run.id());
            st.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(StoreException.Kind.UNAVAILABLE, "cannot record the job run: " + e.getMessage());
        }
    }

    private static Long number(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof String s && s.matches("-?\\d+")) {
            return Long.valueOf(s);
        }
        return null;
    }

    private static String text(Object report, Object summary) {
        if (report == null && summary == null) {
            return null;
        }
        return report == null ? summary.toString() : summary == null ? report.toString() : summary + "\n" + report;
    }
}
