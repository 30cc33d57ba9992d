package bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.mvinfra.host.Host;
import io.mvinfra.host.HostSettings;
import io.mvinfra.host.store.StoredEntity;
import support.TestHosts;

/**
 * What a one-shot CLI command costs as a whole process, printed not asserted: wall time and CPU (user + system),
 * median of runs, for {@code --version}, {@code entity get} and {@code entity list --limit 1} on a home holding
 * 10 000 DnsRecords, through the bare jar and through {@code bin/mv-infra} (class-data archive, C1 only).
 * Run after {@code mvn package}: mvn -B -q -Pbench test-compile exec:exec@bench -Dbench=CliStartBenchmark
 */
public final class CliStartBenchmark {
    private static final int RUNS = Integer.getInteger("bench.runs", 7);
    private static final int ENTITIES = 10_000;

    public static void main(String[] args) throws Exception {
        Path project = TestHosts.projectDir();
        Path jar = project.resolve("target/mv-infra.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("build the jar first: mvn -B -q package -DskipTests");
        }
        Path home = TestHosts.tempHome();
        String uuid = seed(home);
        // run from the home, not the checkout, so the jar's bundled module is read as an operator's would be
        List<String> bare = List.of("java", "-jar", jar.toString());
        List<String> launcher = List.of(project.resolve("bin/mv-infra").toString());
        List<List<String>> commands = List.of(List.of("--version"), List.of("entity", "get", "DnsRecord", uuid),
                List.of("entity", "list", "DnsRecord", "--limit", "1"));
        System.out.printf("CLI start: %d runs each, median; home with %d DnsRecords; %d cores%n", RUNS, ENTITIES,
                Runtime.getRuntime().availableProcessors());
        for (List<String> command : commands) {
            for (List<String> launch : Files.isExecutable(Path.of(launcher.get(0))) ? List.of(bare, launcher) : List.of(bare)) {
                List<String> argv = new ArrayList<>(launch);
                argv.addAll(command);
                argv.add("--home=" + home);
                double[] times = WholeProcess.medians(argv, home, RUNS);
                System.out.printf("  %-40s %-14s wall %5.2f s  cpu %5.2f s%n", String.join(" ", command).replace(uuid, "<uuid>"),
                        launch == bare ? "java -jar" : "bin/mv-infra", times[0], times[1]);
            }
        }
        if (Files.isExecutable(Path.of(launcher.get(0)))) {
            // the same commands while serve runs on the home: the CLI process hands them over
            try (RunningServe serve = RunningServe.start(Path.of(launcher.get(0)), home)) {
                for (List<String> command : commands.subList(1, commands.size())) {
                    List<String> argv = new ArrayList<>(launcher);
                    argv.addAll(command);
                    argv.add("--home=" + home);
                    WholeProcess.run(argv, home);
                    double[] times = serve.medians(argv, home, RUNS);
                    System.out.printf("  %-40s %-14s wall %5.2f s  cpu %5.2f s  (+ the serve's cpu %5.2f s)%n",
                            String.join(" ", command).replace(uuid, "<uuid>"), "beside serve", times[0], times[1], times[2]);
                }
            }
        }
    }

    private static String seed(Path home) {
        HostSettings settings = HostSettings.from(Map.of(), home, null, TestHosts.projectDir());
        try (Host host = Host.open(settings)) {
            StoredEntity domain = host.store().create("DomainName", Map.of("name", "example.com"));
            List<Map<String, Object>> records = new ArrayList<>();
            for (int i = 0; i < ENTITIES; i++) {
                records.add(Map.of("domainName", domain.uuid(), "name", "host-" + i + ".example.com", "recordType", "A",
                        "value", "192.0.2." + i % 250, "ttl", 300L));
            }
            return host.store().createAll("DnsRecord", records).get(ENTITIES / 2).uuid();
        }
    }
}
