import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Adds to the class list of the class-data archive what a button press loads beyond {@code entity list}: the HTTP
 * layer (OkHttp, Kotlin's runtime under it), Jackson's record binding, the script runner, a provider's client and
 * the reconciliation. It presses "List servers" twice (first list, then nothing changed) on an OPENSTACK
 * ServiceProvider whose Keystone and Nova are a stub on loopback here, each press in a JVM started as
 * {@code bin/mv-infra} starts one, with {@code -XX:DumpLoadedClassList}, and appends the classes not listed yet.
 * Measured on 200 servers of the real Nova: about 0.2 s of CPU less per press, as those classes are then mapped
 * rather than read and verified from the jar.
 * <p>
 * Usage (the build's {@code class-data-press} execution): {@code java TrainClassDataOnAPress.java <jar> <classlist> <scratch dir>}
 */
public final class TrainClassDataOnAPress {

    private static final String KEY = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path classList = Path.of(args[1]);
        Path scratch = Path.of(args[2]);
        deleteTree(scratch);
        Files.createDirectories(scratch);
        HttpServer stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String base = "http://127.0.0.1:" + stub.getAddress().getPort();
        stub.createContext("/", exchange -> answer(exchange, base));
        stub.start();
        try {
            Path home = scratch.resolve("home");
            String credential = run(jar, home, null, "entity", "create", "Credential", "domainName=keystone.local",
                    "authenticationType=OPENSTACK_PASSWORD", "username=trainer", "password=not-a-secret", "userDomain=Default",
                    "projectName=training", "projectDomain=Default").strip();
            run(jar, home, null, "entity", "create", "ServiceProvider", "code=os-training", "kind=OPENSTACK",
                    "apiBaseUrl=" + base + "/v3", "credential=" + credential);
            Set<String> lines = new LinkedHashSet<>(Files.readAllLines(classList, StandardCharsets.UTF_8));
            int before = lines.size();
            for (String press : new String[] {"first", "again"}) {
                Path loaded = scratch.resolve(press + ".classlist");
                run(jar, home, loaded, "action", "run", "ServiceProvider", "listOpenStackServers", "os-training");
                Files.readAllLines(loaded, StandardCharsets.UTF_8).stream().filter(l -> !l.startsWith("#")).forEach(lines::add);
            }
            Files.write(classList, lines, StandardCharsets.UTF_8);
            System.out.println("class list: " + (lines.size() - before) + " classes a press loads added to " + before);
        } finally {
            stub.stop(0);
        }
    }

    /** Keystone's token (catalog: compute here), Nova's version document, and a list of three servers. */
    private static void answer(HttpExchange exchange, String base) throws IOException {
        String path = exchange.getRequestURI().getPath();
        int status = 200;
        String body;
        if (path.equals("/v3/auth/tokens")) {
            status = 201;
            exchange.getResponseHeaders().add("X-Subject-Token", "training-token");
            body = "{\"token\": {\"expires_at\": \"2099-01-01T00:00:00.000000Z\", \"issued_at\": \"2026-01-01T00:00:00.000000Z\","
                    + " \"project\": {\"id\": \"p1\", \"name\": \"training\", \"domain\": {\"id\": \"default\", \"name\": \"Default\"}},"
                    + " \"catalog\": [{\"type\": \"compute\", \"name\": \"nova\", \"endpoints\": [{\"interface\": \"public\","
                    + " \"region_id\": \"RegionOne\", \"region\": \"RegionOne\", \"url\": \"" + base + "/compute/v2.1\"}]}]}}";
        } else if (path.equals("/v3/auth/catalog")) {
            body = "{\"catalog\": [{\"type\": \"compute\", \"name\": \"nova\", \"endpoints\": [{\"interface\": \"public\","
                    + " \"region_id\": \"RegionOne\", \"region\": \"RegionOne\", \"url\": \"" + base + "/compute/v2.1\"}]}]}";
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
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The CLI as bin/mv-infra runs a one-shot command, listing what it loaded when {@code classList} is given; its stdout. */
    private static String run(Path jar, Path home, Path classList, String... command) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (classList != null) {
            argv.add("-XX:DumpLoadedClassList=" + classList);
        }
        argv.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString()));
        argv.addAll(List.of(command));
        argv.add("--home=" + home);
        ProcessBuilder builder = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.INHERIT)
                .directory(home.getParent().toFile());
        builder.environment().put("MV_INFRA_SECRET_KEY", KEY);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private TrainClassDataOnAPress() {
    }
}
