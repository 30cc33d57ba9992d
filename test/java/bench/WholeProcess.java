package bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** A command timed as a whole process, as GNU time measures it: what an operator waits for, JVM start included. */
final class WholeProcess {

    private WholeProcess() {
    }

    /** {wall seconds, cpu seconds} of one run of {@code argv} in {@code dir}; a failing command is an error. */
    static double[] run(List<String> argv, Path dir) throws IOException, InterruptedException {
        return run(argv, dir, env -> { });
    }

    /** The same, with {@code environment} adjusting the process's environment first (e.g. the OS_* of an openrc). */
    static double[] run(List<String> argv, Path dir, Consumer<Map<String, String>> environment) throws IOException, InterruptedException {
        Path timing = Files.createTempFile("cli-time", ".txt");
        List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-o", timing.toString(), "-f", "%e %U %S"));
        timed.addAll(argv);
        ProcessBuilder builder = new ProcessBuilder(timed).directory(dir.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        environment.accept(builder.environment());
        Process p = builder.start();
        int code = p.waitFor();
        String[] f = Files.readString(timing, StandardCharsets.UTF_8).trim().lines().reduce((a, b) -> b).orElseThrow().split(" ");
        Files.delete(timing);
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", argv) + " exited " + code);
        }
        return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]) + Double.parseDouble(f[2])};
    }

    /** {median wall, median cpu} of {@code runs} runs after one untimed (which warms the OS page cache, not a JVM). */
    static double[] medians(List<String> argv, Path dir, int runs) throws IOException, InterruptedException {
        return medians(argv, dir, runs, env -> { });
    }

    /** The same, each run's environment adjusted by {@code environment} first. */
    static double[] medians(List<String> argv, Path dir, int runs, Consumer<Map<String, String>> environment)
            throws IOException, InterruptedException {
        run(argv, dir, environment);
        double[][] times = new double[runs][];
        for (int i = 0; i < runs; i++) {
            times[i] = run(argv, dir, environment);
        }
        return new double[] {median(times, 0), median(times, 1)};
    }

    static double median(double[][] times, int column) {
        double[] v = Arrays.stream(times).mapToDouble(t -> t[column]).sorted().toArray();
        return v[v.length / 2];
    }
}
