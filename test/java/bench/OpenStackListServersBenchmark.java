package bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mvinfra.host.Host;
import io.mvinfra.host.HostSettings;
import support.TestHosts;

/**
 * "List servers" of 200 servers on the real Nova of ../shared/openstack-local, as whole processes, median of runs,
 * printed not asserted: {@code bin/mv-infra action run ServiceProvider listOpenStackServers os-bench} (on a home holding
 * the ServiceProvider and its Credential; the first list stores the 200 Servers, later ones find nothing changed)
 * beside Debian's {@code openstack server list} (python3-openstackclient) with the same credentials, and the ratio.
 * <p>
 * The servers live in their own project {@value #PROJECT}, so no other test's list in admin or demo sees them: the
 * first run creates the project (as admin, with the {@code openstack} CLI), gives admin a role on it, raises its
 * Nova quota to 1 000 instances, and boots the servers that are missing ({@value #PREFIX}001…, m1.tiny, cirros-fake,
 * {@code "networks": "none"} at 2.37, so no Neutron port quota is spent), waiting until all are ACTIVE. Later runs
 * reuse them. They are not deleted at the end; to clean up:
 * {@code . /tmp/mvinfra-openstack/openrc; OS_PROJECT_NAME=bench openstack server list -f value -c ID | xargs -r openstack server delete --wait}
 * then {@code openstack project delete bench} (or {@code RESET=1 ./up.sh}).
 * <p>
 * Needs the stack up ({@code OS_SERVICES="nova ..." up.sh}), {@code mvn package} and
 * {@code apt-get install -y python3-openstackclient}.
 * Run: mvn -B -q -Pbench test-compile exec:exec@bench -Dbench=OpenStackListServersBenchmark
 */
public final class OpenStackListServersBenchmark {
    private static final int RUNS = Integer.getInteger("bench.runs", 5);
    private static final int SERVERS = Integer.getInteger("bench.servers", 200);
    static final String PROJECT = "bench";
    static final String PREFIX = "mvinfra-bench-";
    private static final String KEYSTONE = "http://127.0.0.1:5000/v3";
    private static final String NOVA = "http://127.0.0.1:8774/v2.1";
    private static final String GLANCE = "http://127.0.0.1:9292";
    private static final String ADMIN_PASSWORD = "secret-admin";
    private static final String OPENSTACK_CLI = "/usr/bin/openstack";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        Path project = TestHosts.projectDir();
        Path launcher = project.resolve("bin/mv-infra");
        if (!Files.isRegularFile(project.resolve("target/mv-infra.jar"))) {
            throw new IllegalStateException("build the jar first: mvn -B -q package -DskipTests");
        }
        if (!Files.isExecutable(Path.of(OPENSTACK_CLI))) {
            throw new IllegalStateException("the openstack CLI is missing: apt-get install -y python3-openstackclient");
        }
        ensureProject();
        int booted = ensureServers();
        Path home = seed();
        System.out.printf("OpenStack List servers: %d servers in project %s on the real Nova (%s booted this run), whole processes,"
                + " median of %d; %d cores%n", SERVERS, PROJECT, booted, RUNS, Runtime.getRuntime().availableProcessors());

        List<String> cli = List.of(OPENSTACK_CLI, "server", "list", "-f", "value", "-c", "ID");
        double[] theirs = measure(cli, home, RUNS);
        print("openstack server list (python3-openstackclient)", theirs);

        List<String> press = List.of(launcher.toString(), "action", "run", "ServiceProvider", "listOpenStackServers", "os-bench",
                "--home=" + home);
        double[] first = WholeProcess.run(press, home);
        print("bin/mv-infra action run …, first list (stores 200)", first);
        double[] ours = measure(press, home, RUNS);
        print("bin/mv-infra action run …, nothing changed", ours);
        System.out.printf("ratio, ours / openstack CLI (wall): %.2fx nothing changed, %.2fx first list (aim: at most 0.5x)%n",
                ours[0] / theirs[0], first[0] / theirs[0]);
        // the same press while serve runs on the home: the CLI process hands it over; timed once the serve has pressed a
        // few times (a running serve's JIT is warm; its first press after start is printed too)
        try (RunningServe serve = RunningServe.start(launcher, home)) {
            print("beside a running serve, its first press after start", serve.timed(press, home));
            for (int i = 0; i < 5; i++) {
                WholeProcess.run(press, home);
            }
            double[] beside = serve.medians(press, home, RUNS);
            print("beside a running serve, nothing changed", beside);
            System.out.printf("ratio, ours beside a running serve / openstack CLI (wall): %.2fx%n", beside[0] / theirs[0]);
        }
    }

    /** Project {@value #PROJECT} with admin as admin on it and room for 1 000 servers; what exists is left as it is. */
    private static void ensureProject() throws Exception {
        if (openstack(List.of("project", "show", PROJECT, "-f", "value", "-c", "id"), false) != 0) {
            openstack(List.of("project", "create", PROJECT, "--domain", "Default"), true);
        }
        openstack(List.of("role", "add", "--project", PROJECT, "--user", "admin", "admin"), true);
        openstack(List.of("quota", "set", "--instances", "1000", "--cores", "2000", "--ram", "2048000", PROJECT), true);
    }

    /** Boots what is missing of {@value #PREFIX}001… one request at a time, then waits until every one is ACTIVE. */
    private static int ensureServers() throws Exception {
        String token = token();
        List<String> present = new ArrayList<>();
        for (JsonNode s : servers(token)) {
            present.add(s.path("name").asText());
        }
        String image = get(token, GLANCE + "/v2/images?name=cirros-fake").path("images").path(0).path("id").asText();
        int booted = 0;
        for (int i = 1; i <= SERVERS; i++) {
            String name = String.format("%s%03d", PREFIX, i);
            if (present.contains(name)) {
                continue;
            }
            String body = JSON.writeValueAsString(Map.of("server", Map.of("name", name, "imageRef", image, "flavorRef", "1",
                    "networks", "none")));
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(NOVA + "/servers"))
                    .header("X-Auth-Token", token).header("Content-Type", "application/json")
                    .header("OpenStack-API-Version", "compute 2.37").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 202) {
                throw new IllegalStateException("booting " + name + ": HTTP " + answer.statusCode() + " " + answer.body());
            }
            booted++;
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        while (true) {
            List<JsonNode> all = servers(token());   // the stack's tokens live 10 minutes; a boot of 200 takes longer
            long active = all.stream().filter(s -> "ACTIVE".equals(s.path("status").asText())).count();
            long errors = all.stream().filter(s -> "ERROR".equals(s.path("status").asText())).count();
            if (errors > 0) {
                throw new IllegalStateException(errors + " bench servers went ERROR; delete them and run again");
            }
            if (active >= SERVERS) {
                return booted;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + active + " of " + SERVERS + " bench servers ACTIVE after 20 minutes");
            }
            System.out.printf("  waiting: %d of %d bench servers ACTIVE%n", active, SERVERS);
            Thread.sleep(5_000);
        }
    }

    /** A home holding an OPENSTACK ServiceProvider on the local Keystone, signed by admin's password in project bench. */
    private static Path seed() {
        Path home = TestHosts.tempHome();
        try (Host host = Host.open(HostSettings.from(Map.of(), home, null, TestHosts.projectDir()))) {
            String credential = host.store().create("Credential", Map.of("domainName", "keystone.local",
                    "authenticationType", "OPENSTACK_PASSWORD", "username", "admin", "password", ADMIN_PASSWORD,
                    "userDomain", "Default", "projectName", PROJECT, "projectDomain", "Default", "region", "RegionOne")).uuid();
            host.store().create("ServiceProvider", Map.of("code", "os-bench", "kind", "OPENSTACK", "apiBaseUrl", KEYSTONE,
                    "credential", credential));
        }
        return home;
    }

    private static List<JsonNode> servers(String token) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        get(token, NOVA + "/servers/detail?limit=1000").path("servers").forEach(all::add);
        return all.stream().filter(s -> s.path("name").asText().startsWith(PREFIX)).toList();
    }

    private static JsonNode get(String token, String url) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("X-Auth-Token", token)
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + ": HTTP " + answer.statusCode());
        }
        return JSON.readTree(answer.body());
    }

    private static String token() throws Exception {
        String body = JSON.writeValueAsString(Map.of("auth", Map.of(
                "identity", Map.of("methods", List.of("password"), "password", Map.of("user", Map.of("name", "admin",
                        "domain", Map.of("name", "Default"), "password", ADMIN_PASSWORD))),
                "scope", Map.of("project", Map.of("name", PROJECT, "domain", Map.of("name", "Default"))))));
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(KEYSTONE + "/auth/tokens"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("Keystone refused admin in project " + PROJECT + ": HTTP " + answer.statusCode());
        }
        return answer.headers().firstValue("X-Subject-Token").orElseThrow();
    }

    /** The openstack CLI as admin in project admin (for the project's set-up); its exit code. */
    private static int openstack(List<String> args, boolean mustSucceed) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(OPENSTACK_CLI));
        argv.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        adminEnvironment(pb.environment(), "admin");
        int code = pb.start().waitFor();
        if (mustSucceed && code != 0) {
            throw new IllegalStateException("openstack " + String.join(" ", args) + " exited " + code);
        }
        return code;
    }

    /** What /tmp/mvinfra-openstack/openrc exports, in {@code project}. */
    static void adminEnvironment(Map<String, String> env, String project) {
        env.keySet().removeIf(k -> k.startsWith("OS_"));
        env.put("OS_AUTH_URL", KEYSTONE);
        env.put("OS_IDENTITY_API_VERSION", "3");
        env.put("OS_REGION_NAME", "RegionOne");
        env.put("OS_USERNAME", "admin");
        env.put("OS_PASSWORD", ADMIN_PASSWORD);
        env.put("OS_PROJECT_NAME", project);
        env.put("OS_USER_DOMAIN_NAME", "Default");
        env.put("OS_PROJECT_DOMAIN_NAME", "Default");
    }

    /** {median wall, median cpu} of {@code runs} runs after one untimed; the openstack CLI in project bench. */
    private static double[] measure(List<String> argv, Path dir, int runs) throws Exception {
        return WholeProcess.medians(argv, dir, runs, env -> adminEnvironment(env, PROJECT));
    }

    private static void print(String what, double[] wallCpu) {
        System.out.printf("  %-52s wall %5.2f s  cpu %5.2f s%s%n", what, wallCpu[0], wallCpu[1],
                wallCpu.length > 2 ? String.format("  (+ the serve's cpu %5.2f s)", wallCpu[2]) : "");
    }

    private OpenStackListServersBenchmark() {
    }
}
