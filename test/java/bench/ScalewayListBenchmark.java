package bench;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

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
 * "List servers" of 1 000 Scaleway servers in 10 pages from a stub answering each request in 20 ms, as a whole
 * process (the CLI's {@code action run}, JVM start included), printed beside the floor of the pages one after the
 * other and of one concurrent round after the first page. Printed, not asserted.
 * Run after {@code mvn package}: mvn -B -q -Pbench test-compile exec:exec@bench -Dbench=ScalewayListBenchmark
 */
public final class ScalewayListBenchmark {
    private static final int RUNS = Integer.getInteger("bench.runs", 5);
    private static final int SERVERS = 1_000;
    private static final int PER_PAGE = 100;
    private static final int LATENCY_MS = 20;
    /** HttpSettings' default number of pages fetched at once. */
    private static final int CONCURRENCY = 8;

    public static void main(String[] args) throws Exception {
        Path project = TestHosts.projectDir();
        Path jar = project.resolve("target/mv-infra.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("build the jar first: mvn -B -q package -DskipTests");
        }
        WireMockServer stub = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .containerThreads(40));
        stub.start();
        try {
            int pages = SERVERS / PER_PAGE;
            for (int page = 1; page <= pages; page++) {
                var request = get(urlPathEqualTo("/instance/v1/zones/fr-par-1/servers"));
                request = page == 1 ? request : request.withQueryParam("page", equalTo(String.valueOf(page)));
                stub.stubFor(request.willReturn(okJson(page(page)).withHeader("X-Total-Count", String.valueOf(SERVERS))
                        .withFixedDelay(LATENCY_MS)));
            }
            Path home = TestHosts.tempHome();
            String provider = seed(home, stub.baseUrl());
            Path launcher = project.resolve("bin/mv-infra");
            List<String> argv = new ArrayList<>(Files.isExecutable(launcher) ? List.of(launcher.toString()) : List.of("java", "-jar", jar.toString()));
            argv.addAll(List.of("action", "run", "ServiceProvider", "listScalewayServers", provider, "--home=" + home));

            double[] first = WholeProcess.run(argv, home);
            double[][] again = new double[RUNS][];
            for (int i = 0; i < RUNS; i++) {
                again[i] = WholeProcess.run(argv, home);
            }
            double sequentialFloor = pages * LATENCY_MS / 1000.0;
            double concurrentFloor = (1 + Math.ceil((pages - 1) / (double) CONCURRENCY)) * LATENCY_MS / 1000.0;
            System.out.printf("Scaleway List servers: %d servers, %d pages of %d, %d ms a request; whole process (%s); %d cores%n",
                    SERVERS, pages, PER_PAGE, LATENCY_MS, argv.get(0).endsWith("mv-infra") ? "bin/mv-infra" : "java -jar",
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("  floor: pages one after the other %.2f s; first page then one round of %d at once %.2f s%n",
                    sequentialFloor, CONCURRENCY, concurrentFloor);
            System.out.printf("  first list (1 000 servers created)     wall %5.2f s  cpu %5.2f s%n", first[0], first[1]);
            System.out.printf("  list again (nothing changed), median   wall %5.2f s  cpu %5.2f s%n",
                    WholeProcess.median(again, 0), WholeProcess.median(again, 1));
        } finally {
            stub.stop();
        }
    }

    private static String seed(Path home, String apiBaseUrl) {
        HostSettings settings = HostSettings.from(Map.of(), home, null, TestHosts.projectDir());
        try (Host host = Host.open(settings)) {
            String credential = host.store().create("Credential", Map.of("domainName", "api.scaleway.com",
                    "authenticationType", "SCALEWAY_SECRET_KEY", "apiKey", "scw-bench-secret")).uuid();
            return host.store().create("ServiceProvider", Map.of("code", "scw-bench", "kind", "SCALEWAY", "apiBaseUrl", apiBaseUrl,
                    "credential", credential, "zones", List.of("fr-par-1"))).uuid();
        }
    }

    private static String page(int page) {
        StringBuilder json = new StringBuilder("{\"servers\": [");
        for (int i = 0; i < PER_PAGE; i++) {
            int n = (page - 1) * PER_PAGE + i;
            json.append(i == 0 ? "" : ",").append(String.format("{\"id\": \"1b7e2c1a-0000-4000-8000-%012d\", \"name\": \"dev-%04d\","
                    + " \"commercial_type\": \"DEV1-S\", \"state\": \"running\", \"zone\": \"fr-par-1\", \"tags\": [],"
                    + " \"allowed_actions\": [\"poweroff\", \"reboot\"], \"arch\": \"x86_64\","
                    + " \"creation_date\": \"2026-11-20T08:15:03+00:00\", \"modification_date\": \"2026-11-21T09:00:00+00:00\"}", n, n));
        }
        return json.append("]}").toString();
    }
}
