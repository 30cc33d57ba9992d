package bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.sun.management.OperatingSystemMXBean;

import io.mvinfra.host.Host;
import io.mvinfra.host.runtime.PressRequest;
import io.mvinfra.host.runtime.PressResult;
import io.mvinfra.host.store.StoreSession;
import io.mvinfra.host.store.StoredEntity;
import support.TestHosts;
import support.TestHosts.Db;

/**
 * The store's share of a first sync alone, printed not asserted: 10 000 DnsRecord creates shaped as "List DNS records"
 * makes them (copied from one real sync of the Cloudflare stub), in one session, then its commit, once per round, each
 * round for a new zone. CPU of the writing thread and of the process beside wall: on two shared cores wall time mostly
 * measures the neighbours. The first rounds pay for the JIT; the figures are the medians of the second half.
 * Run: mvn -B -q -Pbench test-compile exec:exec@bench -Dbench=SyncWritesBenchmark   (-Dbench.db=EMBEDDED|POSTGRES)
 */
public final class SyncWritesBenchmark {
    private static final int RECORDS = 10_000;
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 8);
    private static final String ZONE_ID = "023e105f4ecef8ad9ca31a8372d0c353";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    public static void main(String[] args) {
        WireMockServer stub = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .extensions(new CloudflareSyncBenchmark.ZonePages(RECORDS, Integer.MAX_VALUE)).disableRequestJournal().gzipDisabled(true));
        stub.start();
        stub.stubFor(get(urlPathEqualTo("/zones/" + ZONE_ID + "/dns_records")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withTransformers(CloudflareSyncBenchmark.ZonePages.NAME)));
        Db db = Db.valueOf(System.getProperty("bench.db", "EMBEDDED"));
        try (Host host = Host.open(TestHosts.settings(TestHosts.tempHome(), db, TestHosts.projectDir()))) {
            String provider = host.store().create("ServiceProvider", Map.of("code", "cf-bench", "kind", "CLOUDFLARE",
                    "apiBaseUrl", stub.baseUrl(), "credential", host.store().create("Credential", Map.of(
                            "authenticationType", "CLOUDFLARE_API_TOKEN", "token", "bench-token-not-a-secret")).uuid())).uuid();
            List<Map<String, Object>> synced = syncedRecords(host, provider);
            double[] cpu = new double[ROUNDS];
            double[] process = new double[ROUNDS];
            double[] wall = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                String zone = zone(host, provider, "round-" + round + ".example.com");
                List<Map<String, Object>> inputs = new ArrayList<>(synced.size());
                for (Map<String, Object> record : synced) {
                    Map<String, Object> input = new LinkedHashMap<>(record);
                    input.put("domainName", zone);
                    inputs.add(input);
                }
                long t = System.nanoTime();
                long threadCpu = THREADS.getCurrentThreadCpuTime();
                long processCpu = OS.getProcessCpuTime();
                try (StoreSession session = host.store().session()) {
                    inputs.forEach(input -> session.create("DnsRecord", input));   // one save per record, as the button saves
                    session.commit();
                }
                wall[round] = (System.nanoTime() - t) / 1e6;
                cpu[round] = (THREADS.getCurrentThreadCpuTime() - threadCpu) / 1e6;
                process[round] = (OS.getProcessCpuTime() - processCpu) / 1e6;
            }
            System.out.printf("%s, %d DnsRecord creates and their commit, one session per round: CPU %.0f ms the writing thread,"
                            + " %.0f ms the process, %.0f ms wall (medians of rounds %d-%d of %d)%n", db, synced.size(), secondHalfMedian(cpu),
                    secondHalfMedian(process), secondHalfMedian(wall), ROUNDS / 2 + 1, ROUNDS, ROUNDS);
        } finally {
            stub.stop();
        }
    }

    /** The values the button stores, from one real sync: the benchmark writes what a sync writes, field for field. */
    private static List<Map<String, Object>> syncedRecords(Host host, String provider) {
        String zone = zone(host, provider, "example.org");
        PressResult result = host.actions().press(new PressRequest("DomainName", "listCloudflareDnsRecords", zone, "bench", Map.of()));
        if (!result.succeeded()) {
            throw new IllegalStateException(result.message());
        }
        return host.store().findBy("DnsRecord", Map.of("domainName", zone)).stream().map(StoredEntity::values)
                .<Map<String, Object>>map(LinkedHashMap::new).toList();
    }

    private static String zone(Host host, String provider, String name) {
        return host.store().create("DomainName", Map.of("name", name, "registrar", provider, "providerSideId", ZONE_ID)).uuid();
    }

    private static double secondHalfMedian(double[] values) {
        double[] half = Arrays.copyOfRange(values, values.length / 2, values.length);
        Arrays.sort(half);
        return half[half.length / 2];
    }

    private SyncWritesBenchmark() {
    }
}
