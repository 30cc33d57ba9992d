package bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.sun.management.OperatingSystemMXBean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import io.mvinfra.cloudflare.CloudflareClient;
import io.mvinfra.cloudflare.CloudflareDialect;
import io.mvinfra.cloudflare.dns.CloudflareDnsRecord;
import io.mvinfra.host.Host;
import io.mvinfra.host.runtime.PressRequest;
import io.mvinfra.host.runtime.PressResult;
import io.mvinfra.http.Auth;
import io.mvinfra.http.HttpRuntime;
import io.mvinfra.http.HttpSettings;
import io.mvinfra.http.Json;
import io.mvinfra.http.ProviderHttp;
import io.mvinfra.http.TimeSource;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import support.TestHosts;
import support.TestHosts.Db;

/**
 * Syncing a zone of 10 000 DNS records from a Cloudflare stub that takes 20 ms to answer each request, printed not
 * asserted: wall time and CPU (the calling thread's, the process's), requests sent, the floor (pages × latency) and
 * the ratio, for the client's list alone and for the whole "List DNS records" button (list + reconciliation into
 * entities on the embedded database), first sync (three, each of the zone under a new name) and re-sync. The stub pages as Cloudflare does ({@code page}, {@code per_page}, {@code result_info}), so the client's own
 * page size decides the number of round trips; the API's default page (100) is shown for comparison. A second stub
 * caps pages at 100 whatever {@code per_page} asks (100 pages): the client fetches the 99 after the first at once, and
 * its time is printed beside the floor of that (first page + ceil(99 / page concurrency) rounds) and beside the floor
 * of reading them one after the other (100 × 20 ms).
 * Run: mvn -B -q -Pbench test-compile exec:exec@bench -Dbench=CloudflareSyncBenchmark
 */
public final class CloudflareSyncBenchmark {

    private static final int RECORDS = Integer.getInteger("bench.records", 10_000);
    private static final int LATENCY_MS = 20;
    private static final int RUNS = 9;
    private static final int WARM_UPS = Integer.getInteger("bench.warmups", 1);
    /** First syncs, each of the zone under a new name: one alone is too noisy a figure on two shared cores. */
    private static final int FIRST_SYNCS = 3;
    private static final String ZONE_ID = "023e105f4ecef8ad9ca31a8372d0c353";
    private static final String PATH = "/zones/" + ZONE_ID + "/dns_records";
    private static final int CAPPED_PAGE = 100;
    /** The client's list alone, to tell the button's own share from the network's. */
    private static double clientListMs;
    private static double clientListCpuMs;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    public static void main(String[] args) throws Exception {
        WireMockServer stub = stub(Integer.MAX_VALUE);
        WireMockServer capped = stub(CAPPED_PAGE);
        try {
            System.out.printf("Cloudflare sync benchmark: %d DNS records, %d ms per request, JVM max heap %d MB, %d cores%n",
                    RECORDS, LATENCY_MS, Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
            clientList(stub);
            cappedClientList(capped);
            breakdown(stub);
            defaultPageForComparison(stub);
            button(stub);
        } finally {
            stub.stop();
            capped.stop();
        }
    }

    /** A Cloudflare stub answering 20 ms late, with pages of at most {@code maxPerPage} records. */
    private static WireMockServer stub(int maxPerPage) {
        // No gzip: compressing 4 MB would be the stub's CPU, on the client's two cores, not a cost of the client.
        WireMockServer stub = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .containerThreads(40).extensions(new ZonePages(RECORDS, maxPerPage)).disableRequestJournal().gzipDisabled(true));
        stub.start();
        stub.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withFixedDelay(LATENCY_MS).withTransformers(ZonePages.NAME)));
        return stub;
    }

    /** The same client list from the stub capped at 100 per page: 100 pages, the 99 after the first fetched at once. */
    private static void cappedClientList(WireMockServer capped) {
        CloudflareClient cloudflare = new CloudflareClient(http(capped));
        Measure m = measure(capped, () -> cloudflare.dnsRecords().list(ZONE_ID).size());
        int concurrency = HttpSettings.defaults().pageConcurrency();
        int pages = (RECORDS + CAPPED_PAGE - 1) / CAPPED_PAGE;
        int rounds = 1 + (pages - 1 + concurrency - 1) / concurrency;
        System.out.printf("%-58s %8.1f ms wall (median of %d, best %.1f), %4d requests; floor of one round at once %d ms "
                        + "(first page + %d rounds of %d x %d ms), %.2fx it; one after the other the floor is %d ms (%d x %d ms)%n",
                "client list, stub capped at " + CAPPED_PAGE + " per page:", m.medianMs(), m.runs(), m.bestMs(), m.requests(),
                rounds * LATENCY_MS, rounds - 1, concurrency, LATENCY_MS, m.medianMs() / (rounds * LATENCY_MS),
                pages * LATENCY_MS, pages, LATENCY_MS);
    }

    /** CloudflareClient.listDnsRecords alone: the network and the parsing, at the client's page size. */
    private static void clientList(WireMockServer stub) {
        CloudflareClient cloudflare = new CloudflareClient(http(stub));
        Measure m = measure(stub, () -> cloudflare.dnsRecords().list(ZONE_ID).size());
        m.print("client list (CloudflareClient.listDnsRecords)");
        clientListMs = m.medianMs();
        clientListCpuMs = m.threadCpuMs();
    }

    /** Where the client's time goes: the answer's transfer, then the JSON parsed, then turned into records. */
    private static void breakdown(WireMockServer stub) throws Exception {
        OkHttpClient client = new OkHttpClient();
        Request request = new Request.Builder().url(stub.baseUrl() + PATH + "?per_page=5000000").build();
        double[] transfer = new double[RUNS + 1];
        double[] parse = new double[RUNS + 1];
        double[] convert = new double[RUNS + 1];
        int bytes = 0;
        for (int i = 0; i <= RUNS; i++) {
            long t0 = System.nanoTime();
            String body;
            try (Response response = client.newCall(request).execute()) {
                body = response.body().string();
            }
            long t1 = System.nanoTime();
            JsonNode tree = Json.SNAKE_CASE.readTree(body);
            long t2 = System.nanoTime();
            for (JsonNode item : tree.path("result")) {
                Json.SNAKE_CASE.treeToValue(item, CloudflareDnsRecord.class);
            }
            long t3 = System.nanoTime();
            transfer[i] = (t1 - t0) / 1e6;
            parse[i] = (t2 - t1) / 1e6;
            convert[i] = (t3 - t2) / 1e6;
            bytes = body.length();
        }
        System.out.printf("  of which, one page of %d KB: transfer %.1f ms (%d ms of it the stub's delay), JSON parse %.1f ms, to records %.1f ms (medians)%n",
                bytes >> 10, median(transfer), LATENCY_MS, median(parse), median(convert));
    }

    private static double median(double[] values) {
        double[] sorted = Arrays.copyOfRange(values, 1, values.length);   // the first is the warm-up
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** The same list at the API's default page size, 100: the cost of not asking for the largest page. */
    private static void defaultPageForComparison(WireMockServer stub) {
        ProviderHttp http = http(stub);
        Measure m = measure(stub, () -> http.get("zones/{zone_id}/dns_records", ZONE_ID).query("per_page", 100)
                .list(CloudflareDnsRecord.class).size());
        m.print("for comparison, per_page=100 (default; 99 pages at once)");
    }

    /** The "List DNS records" button on the host: list, then reconcile into DnsRecord entities in one transaction. */
    private static void button(WireMockServer stub) {
        Path home = TestHosts.tempHome();
        Db db = Db.valueOf(System.getProperty("bench.db", "EMBEDDED"));
        System.out.println("the button on the " + db.name().toLowerCase(java.util.Locale.ROOT) + " database (-Dbench.db=EMBEDDED|POSTGRES)");
        try (Host host = Host.open(TestHosts.settings(home, db, TestHosts.projectDir()))) {
            String credential = host.store().create("Credential", Map.of("authenticationType", "CLOUDFLARE_API_TOKEN",
                    "token", "bench-token-not-a-secret")).uuid();
            String provider = host.store().create("ServiceProvider", Map.of("code", "cf-bench", "kind", "CLOUDFLARE",
                    "apiBaseUrl", stub.baseUrl(), "credential", credential)).uuid();
            // the same zone under other names, each synced first: class loading and JIT of the whole path, untimed
            // (-Dbench.warmups=N: one leaves the JIT compiling during the timed syncs on two cores; a running host is past that)
            for (int i = 0; i < WARM_UPS; i++) {
                String warmUp = host.store().create("DomainName", Map.of("name", "warm-up-" + i + ".example", "registrar", provider,
                        "providerSideId", ZONE_ID)).uuid();
                pressed(host, new PressRequest("DomainName", "listCloudflareDnsRecords", warmUp, "bench", Map.of()));
            }
            List<PressRequest> firsts = new ArrayList<>();
            for (int i = 0; i < FIRST_SYNCS; i++) {
                String domain = host.store().create("DomainName", Map.of("name", "example-" + i + ".com", "registrar", provider,
                        "providerSideId", ZONE_ID)).uuid();
                firsts.add(new PressRequest("DomainName", "listCloudflareDnsRecords", domain, "bench", Map.of()));
            }
            Iterator<PressRequest> fresh = firsts.iterator();

            Measure first = measure(stub, FIRST_SYNCS, () -> pressed(host, fresh.next()));
            first.print("button, first sync (" + RECORDS + " entities created, after " + WARM_UPS + " warm-up syncs; each run a new zone name)");
            System.out.printf("  of which outside the client's list (reconciliation and store): %.1f ms wall, %.1f ms CPU of the pressing thread%n",
                    first.medianMs() - clientListMs, first.threadCpuMs() - clientListCpuMs);
            PressRequest press = firsts.get(0);
            Measure again = measure(stub, () -> pressed(host, press));
            again.print("button, re-sync (nothing changed, nothing written)");
        }
    }

    private static int pressed(Host host, PressRequest press) {
        PressResult result = host.actions().press(press);
        if (!result.succeeded()) {
            throw new IllegalStateException(result.message());
        }
        return RECORDS;
    }

    private static ProviderHttp http(WireMockServer stub) {
        HttpRuntime runtime = new HttpRuntime(HttpSettings.defaults(), TimeSource.SYSTEM);
        return ProviderHttp.builder(runtime, stub.baseUrl(), new CloudflareDialect()).auth(Auth.bearer("bench-token")).build();
    }

    private static Measure measure(WireMockServer stub, Supplier<Integer> run) {
        run.get();   // warm-up: class loading, JIT, connection
        return measure(stub, RUNS, run);
    }

    private static Measure measure(WireMockServer stub, int runs, Supplier<Integer> run) {
        long[] nanos = new long[runs];
        long[] threadCpu = new long[runs];
        long[] processCpu = new long[runs];
        int requests = 0;
        for (int i = 0; i < runs; i++) {
            ZonePages.requests.set(0);
            long t = System.nanoTime();
            long cpu = THREADS.getCurrentThreadCpuTime();
            long process = OS.getProcessCpuTime();
            int count = run.get();
            nanos[i] = System.nanoTime() - t;
            threadCpu[i] = THREADS.getCurrentThreadCpuTime() - cpu;
            processCpu[i] = OS.getProcessCpuTime() - process;
            requests = ZonePages.requests.get();
            if (count != RECORDS) {
                throw new IllegalStateException("listed " + count + " records, not " + RECORDS);
            }
        }
        Arrays.sort(nanos);
        Arrays.sort(threadCpu);
        Arrays.sort(processCpu);
        return new Measure(nanos[runs / 2] / 1e6, nanos[0] / 1e6, threadCpu[runs / 2] / 1e6, processCpu[runs / 2] / 1e6, requests, runs);
    }

    /**
     * CPU beside wall: on two cores shared with other work, wall time says as much about the neighbours as about the
     * code. The calling thread's CPU is the button's own work; the process's adds the stub's, GC, JIT and the
     * database's background threads.
     */
    private record Measure(double medianMs, double bestMs, double threadCpuMs, double processCpuMs, int requests, int runs) {
        void print(String what) {
            double floor = (double) requests * LATENCY_MS;
            System.out.printf("%-58s %8.1f ms wall (median of %d, best %.1f), %4d requests, floor %6.0f ms (%d pages x %d ms), %5.2fx the floor;"
                            + " CPU %.1f ms this thread, %.1f ms the process (medians)%n",
                    what + ":", medianMs, runs, bestMs, requests, floor, requests, LATENCY_MS, medianMs / floor, threadCpuMs, processCpuMs);
        }
    }

    /** Serves a zone of {@code records} DNS records page by page, as Cloudflare does; each page rendered once. */
    static final class ZonePages implements ResponseDefinitionTransformerV2 {
        static final String NAME = "zone-pages";
        static final AtomicInteger requests = new AtomicInteger();
        private static final ObjectMapper JSON = new ObjectMapper();

        private final int records;
        private final int maxPerPage;
        private final Map<String, byte[]> pages = new ConcurrentHashMap<>();

        /** @param maxPerPage the most a page holds whatever {@code per_page} asks, as a server that caps its pages */
        ZonePages(int records, int maxPerPage) {
            this.records = records;
            this.maxPerPage = maxPerPage;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            requests.incrementAndGet();
            int page = intParameter(event.getRequest().queryParameter("page"), 1);
            int perPage = Math.min(maxPerPage, intParameter(event.getRequest().queryParameter("per_page"), 100));
            byte[] body = pages.computeIfAbsent(page + "/" + perPage, key -> render(page, perPage));
            return ResponseDefinitionBuilder.like(event.getResponseDefinition()).but().withBody(body).build();
        }

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        private byte[] render(int page, int perPage) {
            ObjectNode body = JSON.createObjectNode().put("success", true);
            body.putArray("errors");
            body.putArray("messages");
            ArrayNode result = body.putArray("result");
            long from = (long) (page - 1) * perPage;
            for (long i = from; i < Math.min(records, from + perPage); i++) {
                result.add(record((int) i));
            }
            int totalPages = (records + perPage - 1) / perPage;
            body.putObject("result_info").put("page", page).put("per_page", perPage).put("count", result.size())
                    .put("total_count", records).put("total_pages", totalPages);
            try {
                return JSON.writeValueAsBytes(body);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /** Shaped like Cloudflare's answer, a mix of A, AAAA, CNAME, MX and TXT records. */
        private static ObjectNode record(int i) {
            ObjectNode r = JSON.createObjectNode();
            r.put("id", String.format("%032x", i + 1L));
            r.put("zone_id", ZONE_ID).put("zone_name", "example.com");
            String name = "host-" + i + ".example.com";
            switch (i % 5) {
                case 0 -> r.put("type", "A").put("name", name).put("content", "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
                case 1 -> r.put("type", "AAAA").put("name", name).put("content", "2001:db8::" + Integer.toHexString(i));
                case 2 -> r.put("type", "CNAME").put("name", name).put("content", "host-" + (i - 1) + ".example.com");
                case 3 -> r.put("type", "MX").put("name", name).put("content", "mail.example.com").put("priority", 10);
                default -> r.put("type", "TXT").put("name", name).put("content", "\"v=spf1 include:_spf.example.net -all\"");
            }
            r.put("proxiable", i % 5 < 3).put("proxied", i % 5 == 0).put("ttl", i % 2 == 0 ? 1 : 3600).put("locked", false);
            r.putObject("meta").put("auto_added", false).put("source", "primary");
            r.putArray("tags");
            r.put("created_on", "2024-03-04T10:11:12.123456Z").put("modified_on", "2024-03-04T10:11:12.123456Z");
            return r;
        }

        private static int intParameter(QueryParameter parameter, int fallback) {
            return parameter != null && parameter.isPresent() ? Integer.parseInt(parameter.firstValue()) : fallback;
        }
    }

    private CloudflareSyncBenchmark() {
    }
}
