package io.mvinfra.host.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
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
import io.mvinfra.host.handoff.HandOff;
import io.mvinfra.host.handoff.HandOffServer;
import io.mvinfra.host.HostSettings;

/**
 * What the build's class-data archive is trained on (pom.xml, class-data-list): the commands that the archive should
 * start fast, run on a scratch home, so the classes they load are listed. Besides listing and reading entities, a
 * "List DNS records" sync (first, then nothing changed) against a loopback stand-in for Cloudflare, so the HTTP
 * client, the JSON mapping and the reconciliation are archived too (some 1 200 classes a sync loaded from the jar
 * and the JDK otherwise), and "List servers" twice on an OPENSTACK provider whose Keystone and Nova are stand-ins on
 * the same loopback server, for Keystone's session, Nova's microversions and its records (about 0.2 s of CPU less a
 * press, measured on 200 servers of the real Nova), and a command handed to a serve (the handing side of {@code HandOff}).
 * Not a command; it never reaches beyond 127.0.0.1.
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
        String base = "http://127.0.0.1:" + cloudflare.getAddress().getPort();
        cloudflare.createContext("/zones/" + ZONE_ID + "/dns_records", ClassDataTraining::page);
        cloudflare.createContext("/v3/", exchange -> openstack(exchange, base));
        cloudflare.createContext("/compute/", exchange -> openstack(exchange, base));
        cloudflare.start();
        try {
            seed(home, base);
            String at = "--home=" + home;
            run("action", "run", "DomainName", "listCloudflareDnsRecords", "example.com", at);
            run("action", "run", "DomainName", "listCloudflareDnsRecords", "example.com", at);
            run("action", "run", "ServiceProvider", "listOpenStackServers", "os-training", at);
            run("action", "run", "ServiceProvider", "listOpenStackServers", "os-training", at);
            run("entity", "list", "DnsRecord", "--json", at);
            run("entity", "list", "DnsRecord", "--limit", "1", at);
            run("entity", "get", "DomainName", "example.com", at);
            handedToAServe(home, "entity", "get", "DomainName", "example.com", at);
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
            String keystone = host.store().create("Credential", Map.of("domainName", "keystone.local",
                    "authenticationType", "OPENSTACK_PASSWORD", "username", "trainer", "password", "not-a-secret",
                    "userDomain", "Default", "projectName", "training", "projectDomain", "Default")).uuid();
            host.store().create("ServiceProvider", Map.of("code", "os-training", "kind", "OPENSTACK", "apiBaseUrl", baseUrl + "/v3",
                    "credential", keystone));
        }
    }

    /** A command handed to a serve on the home: the handing process's few classes (HandOff, the JDK's HTTP client). */
    private static void handedToAServe(Path home, String... args) throws IOException {
        try (Host serving = Host.open(HostSettings.from(System.getenv(), home, null, null));
                HandOffServer serve = HandOffServer.start(serving.settings(), new HandedCommands(serving))) {
            PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
            int code = HandOff.forward(args, System.getenv(), "trainer", false, discard, discard);
            if (code != Main.OK) {
                throw new IllegalStateException(String.join(" ", args) + " handed to a serve ended " + code);
            }
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

    /** Keystone's token (catalog: compute here), Nova's version document, and a list of three servers. */
    private static void openstack(HttpExchange exchange, String base) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String catalog = "[{\"type\": \"compute\", \"name\": \"nova\", \"endpoints\": [{\"interface\": \"public\","
                + " \"region_id\": \"RegionOne\", \"region\": \"RegionOne\", \"url\": \"" + base + "/compute/v2.1\"}]}]";
        int status = 200;
        String body;
        if (path.equals("/v3/auth/tokens")) {
            status = 201;
            exchange.getResponseHeaders().add("X-Subject-Token", "training-token");
            body = "{\"token\": {\"expires_at\": \"2099-01-01T00:00:00.000000Z\", \"issued_at\": \"2026-01-01T00:00:00.000000Z\","
                    + " \"project\": {\"id\": \"p1\", \"name\": \"training\", \"domain\": {\"id\": \"default\", \"name\": \"Default\"}},"
                    + " \"catalog\": " + catalog + "}}";
        } else if (path.equals("/v3/auth/catalog")) {
            body = "{\"catalog\": " + catalog + "}";
        } else if (path.equals("/compute/v2.1/") || path.equals("/compute/v2.1")) {
            body = "{\"version\": {\"id\": \"v2.1\", \"status\": \"CURRENT\", \"version\": \"2.93\", \"min_version\": \"2.1\"}}";
        } else if (path.equals("/compute/v2.1/servers/detail")) {
            StringBuilder servers = new StringBuilder("{\"servers\": [");
            for (int i = 1; i <= 3; i++) {
                servers.append(i == 1 ? "" : ", ").append("{\"id\": \"0000000" + i + "-0000-4000-8000-000000000000\", \"name\": \"training-")
                        .append(i).append("\", \"status\": \"ACTIVE\", \"tenant_id\": \"p1\", \"metadata\": {\"k\": \"v\"},"
                                + " \"flavor\": {\"vcpus\": 1, \"ram\": 512, \"disk\": 1, \"original_name\": \"m1.tiny\"},"
                                + " \"image\": {\"id\": \"i1\"}, \"addresses\": {\"private\": [{\"version\": 4, \"addr\": \"10.0.0." + i + "\","
                                + " \"OS-EXT-IPS:type\": \"fixed\"}]}, \"OS-EXT-STS:task_state\": null, \"OS-EXT-STS:vm_state\": \"active\","
                                + " \"security_groups\": [{\"name\": \"default\"}], \"key_name\": null,"
                                + " \"created\": \"2026-01-15T10:00:03Z\", \"updated\": \"2026-01-15T10:00:05Z\"}");
            }
            body = servers.append("], \"servers_links\": []}").toString();
        } else {
            status = 404;
            body = "{\"itemNotFound\": {\"code\": 404, \"message\": \"not part of the training\"}}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
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
