package bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.mvinfra.host.handoff.ServeFile;

/**
 * {@code bin/mv-infra serve} on a home, for the "beside a running serve" rows: the CLI commands timed while it runs
 * are handed to it (see {@code HandOff}), so their figures are the handing process's whole life plus the serve's work.
 */
final class RunningServe implements AutoCloseable {
    /** JVM options for the serve alone, e.g. a flight recording: {@code -Dbench.serveOpts=-XX:StartFlightRecording=filename=/tmp/serve.jfr}. */
    private static final String SERVE_OPTS = System.getProperty("bench.serveOpts", "");
    /** {@code -Dbench.serveThreads=true}: after each timed command, the serve's CPU by thread (its JIT, GC, H2's writer…). */
    private static final boolean BY_THREAD = Boolean.getBoolean("bench.serveThreads");
    private final Process process;

    private RunningServe(Process process) {
        this.process = process;
    }

    /** Started, and taking commands (its serve file written), or an error after a minute. */
    static RunningServe start(Path launcher, Path home) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(launcher.toString(), "serve", "--port=0", "--home=" + home)).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(home.resolve("serve.log").toFile());
        if (!SERVE_OPTS.isEmpty()) {
            builder.environment().put("MV_INFRA_JAVA_OPTS", SERVE_OPTS);
        }
        Process p = builder.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        for (ServeFile f = ServeFile.read(home); f == null || f.pid() != p.pid(); f = ServeFile.read(home)) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroy();
                throw new IllegalStateException("serve did not start: " + Files.readString(home.resolve("serve.log")));
            }
            Thread.sleep(50);
        }
        return new RunningServe(p);
    }

    /** The CPU seconds (user + system) the serve has used so far, from /proc: what a handed command cost it. */
    double cpuSeconds() throws IOException {
        return ticks(Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"))) / 100.0;
    }

    /** utime + stime of a process's or thread's {@code stat} line, in clock ticks (USER_HZ 100). */
    private static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** {median wall, median cpu of the handing process, median cpu of the serve} of {@code runs} runs of {@code argv}. */
    double[] medians(List<String> argv, Path dir, int runs) throws IOException, InterruptedException {
        double[][] times = new double[runs][];
        for (int i = 0; i < runs; i++) {
            times[i] = timed(argv, dir);
        }
        return new double[] {WholeProcess.median(times, 0), WholeProcess.median(times, 1), WholeProcess.median(times, 2)};
    }

    /** {wall, cpu of the handing process, cpu of the serve} of one run of {@code argv}. */
    double[] timed(List<String> argv, Path dir) throws IOException, InterruptedException {
        Map<String, Long> threadsBefore = BY_THREAD ? ticksByThread() : Map.of();
        double before = cpuSeconds();
        double[] run = WholeProcess.run(argv, dir);
        double[] timed = {run[0], run[1], cpuSeconds() - before};
        if (BY_THREAD) {
            Map<String, Long> spent = new TreeMap<>();
            ticksByThread().forEach((name, ticks) -> spent.put(name, ticks - threadsBefore.getOrDefault(name, 0L)));
            StringBuilder line = new StringBuilder(String.format("    wall %.2f s, the serve's cpu by thread:", run[0]));
            spent.entrySet().stream().filter(e -> e.getValue() > 0).sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> line.append(String.format(" %s %.2f s;", e.getKey(), e.getValue() / 100.0)));
            System.out.println(line);
        }
        return timed;
    }

    /** The CPU seconds the serve's JIT compiler threads have used so far. */
    double compilerSeconds() throws IOException {
        long ticks = 0;
        for (Map.Entry<String, Long> thread : ticksByThread().entrySet()) {
            if (thread.getKey().startsWith("C# CompilerThre")) {
                ticks += thread.getValue();
            }
        }
        return ticks / 100.0;
    }

    /** utime + stime of the serve's threads, summed by name without digits ("C2 CompilerThre", "GC Thread#"…). */
    private Map<String, Long> ticksByThread() throws IOException {
        Map<String, Long> ticks = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(process.pid()), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "#");
                    ticks.merge(name, ticks(stat), Long::sum);
                } catch (IOException ended) {
                    // a thread that ended between the listing and the read
                }
            }
        }
        return ticks;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
