package io.mvinfra.host.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.mvinfra.host.Host;
import io.mvinfra.host.HostSettings;

/**
 * What the build's class-data archive is trained on (pom.xml, class-data-list): the commands that the archive should
 * start fast, run on a scratch home, so the classes they load are listed. Besides listing and reading entities, a
 * "List DNS records" sync (first, then nothing changed) against a loopback stand-in for Cloudflare, so the HTTP
 * client, the JSON mapping and the reconciliation are archived too (some 1 200 classes a sync loaded from the jar
 * and the JDK otherwise). Not a command; it never reaches beyond 127.0.0.1.
 */
public final class ClassDataTraining {
    private static final String ZONE_ID = "0123456789abcdef0123456789abcdef";
    private static final int PAGES = 3;
    private static final int PER_PAGE = 100;

    private ClassDataTraining() {
    }

    /** {@code <directory>}: a fresh scratch home is made in it; the secret key comes from MV_INFRA_SECRET_KEY, as for any command. */
    public static void main(String[] args) throws IOException {
        System.setProperty("mvinfra.log.level", System.getProperty("mvinfra.log.level", "WARN"));
        Path home = Files.createTempDirectory(Files.createDirectories(Path.of(args[0])), "home");
        HttpServer cloudflare = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        cloudflare.setExecutor(threads);
        cloudflare.createContext("/zones/" + ZONE_ID + "/dns_records", ClassDataTraining::page);
        cloudflare.start();
        try {
            seed(home, "http://127.0.0.1:" + cloudflare.getAddress().getPort());
            String at = "--home=" + home;
            run("action", "run", "DomainName", "listCloudflareDnsRecords", "example.com", at);
            run("action", "run", "DomainName", "listCloudflareDnsRecords", "example.com", at);
            run("entity", "list", "DnsRecord", "--json", at);
            run("entity", "list", "DnsRecord", "--limit", "1", at);
            run("entity", "get", "DomainName", "example.com", at);
        } finally {
            cloudflare.stop(0);
            threads.shutdownNow();
        }
        System.exit(0);
    }

    private static void seed(Path home, String baseUrl) {
        try (Host host = Host.openForCommand(HostSettings.from(System.getenv(), home, null, null))) {
            String credential = host.store().create("Credential", Map.of("authenticationType", "CLOUDFLARE_API_TOKEN",
                    "token", "training-token-not-a-secret")).uuid();
            String provider = host.store().create("ServiceProvider", Map.of("code", "cf-training", "kind", "CLOUDFLARE",
                    "apiBaseUrl", baseUrl, "credential", credential)).uuid();
            host.store().create("DomainName", Map.of("name", "example.com", "registrar", provider, "providerSideId", ZONE_ID));
        }
    }

    private static void run(String... args) {
        int code = Main.commandLine(args).execute(args);
        if (code != Main.OK) {
            throw new IllegalStateException(String.join(" ", args) + " exited " + code);
        }
    }

    /** One page of the zone, as Cloudflare answers it: {@code page} of {@value #PAGES}, {@value #PER_PAGE} records each. */
    private static void page(HttpExchange exchange) throws IOException {
        int page = 1;
        String query = URI.create(exchange.getRequestURI().toString()).getQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            if (pair.startsWith("page=")) {
                page = Integer.parseInt(pair.substring(5));
            }
        }
        StringBuilder result = new StringBuilder();
        for (int i = (page - 1) * PER_PAGE; i < page * PER_PAGE; i++) {
            result.append(result.isEmpty() ? "" : ",").append(record(i));
        }
        byte[] body = ("{\"success\":true,\"errors\":[],\"messages\":[],\"result\":[" + result + "],\"result_info\":{\"page\":" + page
                + ",\"per_page\":" + PER_PAGE + ",\"count\":" + PER_PAGE + ",\"total_count\":" + PAGES * PER_PAGE
                + ",\"total_pages\":" + PAGES + "}}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String record(int i) {
        String[] typeAndContent = switch (i % 4) {
            case 0 -> new String[] {"A", "\"10.0." + (i >> 8) + "." + (i & 255) + "\""};
            case 1 -> new String[] {"AAAA", "\"2001:db8::" + Integer.toHexString(i) + "\""};
            case 2 -> new String[] {"CNAME", "\"host-0.example.com\""};
            default -> new String[] {"MX", "\"mail.example.com\",\"priority\":10"};
        };
        return "{\"id\":\"" + String.format("%032x", i + 1L) + "\",\"zone_id\":\"" + ZONE_ID + "\",\"zone_name\":\"example.com\",\"type\":\""
                + typeAndContent[0] + "\",\"name\":\"host-" + i + ".example.com\",\"content\":" + typeAndContent[1]
                + ",\"proxiable\":true,\"proxied\":false,\"ttl\":1,\"locked\":false,\"meta\":{\"auto_added\":false},\"tags\":[],"
                + "\"created_on\":\"2024-03-04T10:11:12.123456Z\",\"modified_on\":\"2024-03-04T10:11:12.123456Z\"}";
    }
}
