package io.mvinfra.host.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import io.mvinfra.host.Host;
import io.mvinfra.host.module.JobDescriptor;
import io.mvinfra.host.runtime.JobResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "job", mixinStandardHelpOptions = true, description = "The module's scheduled jobs.",
        subcommands = {JobCommand.ListJobs.class, JobCommand.Run.class})
final class JobCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List jobs, their schedule and their last run.")
    static final class ListJobs extends HostCommand {
        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() {
            try (Host h = host.openToRead()) {
                PrintWriter out = out();
                List<java.util.Map<String, Object>> jobs = new ArrayList<>();
                List<List<String>> rows = new ArrayList<>();
                for (JobDescriptor j : h.module().jobs().values()) {
                    String cron = j.timerCode() == null ? "" : h.module().timers().get(j.timerCode()).cron();
                    List<JobResult> last = h.jobs().recentRuns(j.code(), 1);
                    String lastRun = last.isEmpty() ? "never" : last.get(0).startedAt() + " " + last.get(0).outcome();
                    rows.add(List.of(j.code(), j.active() ? "active" : "inactive", cron, lastRun, j.script()));
                    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
                    m.put("code", j.code());
                    m.put("active", j.active());
                    m.put("cron", cron);
                    m.put("script", j.script());
                    m.put("lastRun", last.isEmpty() ? null : last.get(0));
                    jobs.add(m);
                }
                if (json) {
                    Output.json(out, jobs);
                } else {
                    Output.table(out, List.of("code", "state", "schedule", "last run", "script"), rows);
                }
                return Main.OK;
            }
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true, description = "Run a job now and print its report.")
    static final class Run extends HostCommand {
        @Parameters(index = "0")
        String code;
        @Option(names = {"-p", "--param"}, description = "Override a job variable for this run, name=value (repeatable)")
        List<String> params;
        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() {
            try (Host h = host.open()) {
                JobResult run = h.jobs().run(code, invocation.user(), Assignments.parse(params));
                PrintWriter out = out();
                if (json) {
                    Output.json(out, run);
                } else {
                    out.printf("job %s: %s (ok %s, ko %s, warnings %s)%n", run.job(), run.outcome(), n(run.ok()), n(run.ko()), n(run.warnings()));
                    if (run.report() != null) {
                        out.println(run.report());
                    }
                }
                return run.succeeded() ? Main.OK : Main.FAILED;
            }
        }

        private static String n(Long v) {
            return v == null ? "-" : v.toString();
        }
    }
}
