package bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.mvinfra.host.Host;
import io.mvinfra.host.HostSettings;
import support.TestHosts;

/**
 * "List DNS records" against Apache Libcloud, the comparison issue 12 names, printed not asserted: as whole processes
 * in one run, against one Cloudflare stub on loopback that caps pages at 100 records and answers each request 20 ms
 * late, {@code bin/mv-infra action run DomainName listCloudflareDnsRecords example.com} (first sync: a fresh home each
 * run; nothing changed: a home synced once before) and a small Python script on Debian's python3-libcloud (its
 * Cloudflare DNS driver, {@code list_records} of the zone) listing the same 10 000 records. Wall and CPU, median of
 * runs, and the ratio. Needs {@code mvn package} and {@code apt-get install python3-libcloud}. {@code -Dbench.before=<dir>}
 * also times the launcher of another build (a checkout of an earlier commit, packaged), in the same run, for a
 * before/after on a shared machine.
 * Run: mvn -B -q -Pbench test-compile exec:exec@bench -Dbench=LibcloudComparisonBenchmark
 */
public final class LibcloudComparisonBenchmark {
    private static final int RECORDS = Integer.getInteger("bench.records", 10_000);
    private static final int RUNS = Integer.getInteger("bench.runs", 5);
    private static final int LATENCY_MS = 20;
    private static final int CAPPED_PAGE = 100;
    private static final String ZONE_ID = "023e105f4ecef8ad9ca31a8372d0c353";
    /** Debian's own Python, the one python3-libcloud installs into (a python3 earlier on the PATH may not have it). */
    private static final String PYTHON = System.getProperty("bench.python", "/usr/bin/python3");
    /** Another build's project directory, whose bin/mv-infra is timed beside this one's (empty: none). */
    private static final String BEFORE = System.getProperty("bench.before", "");
    /** {@code -Dbench.besideOnly=true}: only the presses beside a running serve (a profile of the serve's share). */
    private static final boolean BESIDE_ONLY = Boolean.getBoolean("bench.besideOnly");
    private static final int WARM_UP_ROUNDS = 16;
    /** Two syncs a round, 101 requests each: five rounds stay within a credential's 1 200 requests in 5 minutes. */
    private static final int WARM_UPS_PER_CREDENTIAL = 5;
    private static final double SETTLED_COMPILER_SECONDS = 0.15;

    /** Libcloud's Cloudflare driver, pointed at the stub: it builds http(s)://host:port/client/v4/zones/<id>/dns_records. */
    private static final String LIBCLOUD_SCRIPT = """
            import sys
            from libcloud.dns.base import Zone
            from libcloud.dns.drivers.cloudflare import CloudFlareDNSDriver
            port, zone_id, expected = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
            driver = CloudFlareDNSDriver('bench-token-not-a-secret', secure=False, host='127.0.0.1', port=port)
            zone = Zone(id=zone_id, domain='example.com', type='master', ttl=None, driver=driver)
            records = driver.list_records(zone)
            if len(records) != expected:
                sys.exit('listed %d records, not %d' % (len(records), expected))
            """;

    public static void main(String[] args) throws Exception {
        Path project = TestHosts.projectDir();
        Path launcher = project.resolve("bin/mv-infra");
        if (!Files.isRegularFile(project.resolve("target/mv-infra.jar"))) {
            throw new IllegalStateException("build the jar first: mvn -B -q package -DskipTests");
        }
        if (!Files.isDirectory(Path.of("/usr/lib/python3/dist-packages/libcloud"))) {
            throw new IllegalStateException("python3-libcloud is missing: apt-get install -y python3-libcloud");
        }
        // one stub for both: ours asks <apiBaseUrl>/zones/…, Libcloud /client/v4/zones/…
        WireMockServer stub = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .containerThreads(40).extensions(new CloudflareSyncBenchmark.ZonePages(RECORDS, CAPPED_PAGE))
                .disableRequestJournal().gzipDisabled(true));
        stub.start();
        stub.stubFor(get(urlPathMatching("(/client/v4)?/zones/" + ZONE_ID + "/dns_records")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withFixedDelay(LATENCY_MS).withTransformers(CloudflareSyncBenchmark.ZonePages.NAME)));
        try {
            Path script = Files.createTempFile("libcloud-list", ".py");
            Files.writeString(script, LIBCLOUD_SCRIPT, StandardCharsets.UTF_8);
            Path scratch = TestHosts.tempHome();
            System.out.printf("Libcloud comparison: %d DNS records, stub capping pages at %d, %d ms per request, whole processes, median of %d; %d cores%n",
                    RECORDS, CAPPED_PAGE, LATENCY_MS, RUNS, Runtime.getRuntime().availableProcessors());

            System.out.println("load average at the start: " + Files.readString(Path.of("/proc/loadavg")).trim());
            List<String> libcloud = List.of(PYTHON, script.toString(), String.valueOf(stub.port()), ZONE_ID, String.valueOf(RECORDS));
            double[] lc = System.getenv("BENCH_SKIP_LIBCLOUD") != null ? new double[] {Double.NaN, Double.NaN} : WholeProcess.medians(libcloud, scratch, RUNS);
            print("python3-libcloud list_records", lc);

            if (!BESIDE_ONLY) {
                double[][] ours = ours(stub, launcher);
                print("bin/mv-infra action run …, nothing changed", ours[0]);
                print("bin/mv-infra action run …, first sync", ours[1]);
                System.out.printf("ratio, Libcloud's wall / ours: nothing changed %.2fx, first sync %.2fx (aim: at least 5x)%n",
                        lc[0] / ours[0][0], lc[0] / ours[1][0]);
            }
            double[][] beside = oursBesideServe(stub, launcher);
            print("beside a running serve, nothing changed", beside[0]);
            print("beside a running serve, first sync", beside[1]);
            System.out.printf("ratio, Libcloud's wall / ours beside a running serve: nothing changed %.2fx, first sync %.2fx%n",
                    lc[0] / beside[0][0], lc[0] / beside[1][0]);
            if (!BEFORE.isEmpty() && !BESIDE_ONLY) {
                double[][] before = ours(stub, Path.of(BEFORE).resolve("bin/mv-infra"));
                print("before (" + BEFORE + "), nothing changed", before[0]);
                print("before (" + BEFORE + "), first sync", before[1]);
                System.out.printf("ratio, Libcloud's wall / before's: nothing changed %.2fx, first sync %.2fx%n",
                        lc[0] / before[0][0], lc[0] / before[1][0]);
            }
            System.out.println("load average at the end: " + Files.readString(Path.of("/proc/loadavg")).trim());
        } finally {
            stub.stop();
        }
    }

    /** {nothing changed {wall, cpu}, first sync {wall, cpu}} of {@code launcher}, medians. */
    private static double[][] ours(WireMockServer stub, Path launcher) throws Exception {
        // nothing changed: one home, synced once untimed
        Path synced = seed(stub);
        // (bin/mv-infra reads MV_INFRA_JAVA_OPTS from the environment mvn runs in, to compare JVM flags)
        WholeProcess.run(pressOn("example.com", launcher, synced), synced);
        double[] again = WholeProcess.medians(pressOn("example.com", launcher, synced), synced, RUNS);

        // first sync: a fresh home each run, seeded before any is timed
        List<Path> fresh = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            fresh.add(seed(stub));
        }
        double[][] firsts = new double[RUNS][];
        for (int i = 0; i < RUNS; i++) {
            firsts[i] = WholeProcess.run(pressOn("example.com", launcher, fresh.get(i)), fresh.get(i));
        }
        return new double[][] {again, {WholeProcess.median(firsts, 0), WholeProcess.median(firsts, 1)}};
    }

    /**
     * The same presses while {@code serve} runs on the home, so the CLI process hands them to it, timed once the serve's
     * JIT has settled (a running serve's is warm; its first press after start pays for its JIT as a fresh CLI does, and
     * is printed too): warm-up rounds, each a first sync of a zone of its own and a re-sync of it, until a round costs
     * the serve's compilers under {@value #SETTLED_COMPILER_SECONDS} s of CPU, at most {@value #WARM_UP_ROUNDS} rounds
     * (on a slow shared machine C2 was still compiling the create path after ten presses, a second of CPU per press
     * beside the press itself). The warm-up syncs go through credentials of their own, so the timed ones keep their
     * credential's whole budget (1 200 requests in 5 minutes). Nothing changed: example.com synced once, untimed; first
     * sync: the zone under a new name each run.
     */
    private static double[][] oursBesideServe(WireMockServer stub, Path launcher) throws Exception {
        Path home = seed(stub, "example.com");
        seedWarmUp(home, stub);
        try (RunningServe serve = RunningServe.start(launcher, home)) {
            double[] firstAfterStart = serve.timed(pressOn(warmZone(0), launcher, home), home);
            print("beside a running serve, its first press after start", firstAfterStart);
            int rounds = 0;
            double compiled;
            do {
                double before = serve.compilerSeconds();
                String zone = warmZone(++rounds);
                WholeProcess.run(pressOn(zone, launcher, home), home);
                WholeProcess.run(pressOn(zone, launcher, home), home);
                compiled = serve.compilerSeconds() - before;
            } while (compiled >= SETTLED_COMPILER_SECONDS && rounds < WARM_UP_ROUNDS);
            System.out.printf("  the serve warmed up by %d rounds of a first sync and a re-sync (the last cost its compilers %.2f s)%n",
                    rounds, compiled);
            WholeProcess.run(pressOn("example.com", launcher, home), home);
            double[] again = serve.medians(pressOn("example.com", launcher, home), home, RUNS);
            double[][] first = new double[RUNS][];
            for (int i = 0; i < RUNS; i++) {
                String name = "first-" + i + ".example";
                WholeProcess.run(List.of(launcher.toString(), "entity", "create", "DomainName", "name=" + name, "registrar=cf-bench",
                        "providerSideId=" + ZONE_ID, "--home=" + home), home);   // through the serve, as an operator would
                first[i] = serve.timed(pressOn(name, launcher, home), home);
            }
            return new double[][] {again, {WholeProcess.median(first, 0), WholeProcess.median(first, 1), WholeProcess.median(first, 2)}};
        }
    }

    private static String warmZone(int round) {
        return "warm-" + round + ".example";
    }

    private static List<String> pressOn(String domain, Path launcher, Path home) {
        return List.of(launcher.toString(), "action", "run", "DomainName", "listCloudflareDnsRecords", domain, "--home=" + home);
    }

    /**
     * The warm-up's zones, warm-0 to warm-{@value #WARM_UP_ROUNDS}.example, spread over credentials of their own on the
     * same stub, each taking at most {@value #WARM_UPS_PER_CREDENTIAL} zones' syncs within its budget.
     */
    private static void seedWarmUp(Path home, WireMockServer stub) {
        try (Host host = Host.open(HostSettings.from(Map.of(), home, null, TestHosts.projectDir()))) {
            String provider = null;
            for (int round = 0; round <= WARM_UP_ROUNDS; round++) {
                if (round % WARM_UPS_PER_CREDENTIAL == 0) {
                    String credential = host.store().create("Credential", Map.of("authenticationType", "CLOUDFLARE_API_TOKEN",
                            "token", "bench-warm-up-token-" + round + "-not-a-secret")).uuid();
                    provider = host.store().create("ServiceProvider", Map.of("code", "cf-warm-up-" + round, "kind", "CLOUDFLARE",
                            "apiBaseUrl", stub.baseUrl(), "credential", credential)).uuid();
                }
                host.store().create("DomainName", Map.of("name", warmZone(round), "registrar", provider, "providerSideId", ZONE_ID));
            }
        }
    }

    /** A home holding a Cloudflare credential, its ServiceProvider on the stub and the zone as DomainName example.com. */
    private static Path seed(WireMockServer stub) {
        return seed(stub, "example.com");
    }

    /** The same, with the zone under each of {@code domains}. */
    private static Path seed(WireMockServer stub, String... domains) {
        Path home = TestHosts.tempHome();
        try (Host host = Host.open(HostSettings.from(Map.of(), home, null, TestHosts.projectDir()))) {
            String credential = host.store().create("Credential", Map.of("authenticationType", "CLOUDFLARE_API_TOKEN",
                    "token", "bench-token-not-a-secret")).uuid();
            String provider = host.store().create("ServiceProvider", Map.of("code", "cf-bench", "kind", "CLOUDFLARE",
                    "apiBaseUrl", stub.baseUrl(), "credential", credential)).uuid();
            for (String domain : domains) {
                host.store().create("DomainName", Map.of("name", domain, "registrar", provider, "providerSideId", ZONE_ID));
            }
        }
        return home;
    }

    private static void print(String what, double[] wallCpu) {
        System.out.printf("  %-48s wall %5.2f s  cpu %5.2f s%s%n", what, wallCpu[0], wallCpu[1],
                wallCpu.length > 2 ? String.format("  (+ the serve's cpu %5.2f s)", wallCpu[2]) : "");
    }

    private LibcloudComparisonBenchmark() {
    }
}
