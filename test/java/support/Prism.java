package support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * Stoplight Prism mocking a provider's published OpenAPI document on loopback, in validation mode: a request that
 * breaks the contract gets a 422 (and Prism says why: {@link #violations()}), one that keeps it a 2xx built from the
 * spec's examples. Installed by {@code npm install --prefix /opt/mvinfra-prism @stoplight/prism-cli@5} (or
 * {@code PRISM_BIN}); skipped or failed as {@link LocalServices} says when it is missing.
 * <pre>{@code
 * try (Prism prism = Prism.start("cloudflare.yaml")) { … prism.baseUrl() … }
 * }</pre>
 */
public final class Prism implements AutoCloseable {

    public static final String DEFAULT_BIN = "/opt/mvinfra-prism/node_modules/.bin/prism";
    private static final long START_SECONDS = 90;

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final Process process;
    private final int port;
    private final List<String> output = new ArrayList<>();

    private Prism(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** @param spec a file of ../shared/api-specs/: {@code cloudflare.yaml} or {@code scaleway-instance.yaml} */
    public static Prism start(String spec) throws IOException, InterruptedException {
        Path bin = Path.of(System.getenv().getOrDefault("PRISM_BIN", DEFAULT_BIN));
        LocalServices.require(Files.isExecutable(bin),
                "Prism is not installed at " + bin + " (npm install --prefix /opt/mvinfra-prism @stoplight/prism-cli@5)");
        Path specs = Path.of(System.getProperty("mvinfra.projectDir", ".")).resolve("../shared/api-specs").normalize();
        Path file = specs.resolve(spec);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no spec " + file);
        }
        int port = freePort();
        Process process = new ProcessBuilder(bin.toString(), "mock", file.toString(), "-h", "127.0.0.1",
                "-p", String.valueOf(port), "--errors")
                .redirectErrorStream(true)
                .start();
        Prism prism = new Prism(process, port);
        prism.awaitListening();
        return prism;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port + "/";
    }

    /** What Prism's validator refused since it started (or since the last {@link #clear()}). */
    public List<String> violations() {
        synchronized (output) {
            return output.stream().filter(line -> line.contains("[VALIDATOR]") && line.contains("error"))
                    .map(line -> line.replaceFirst("^.*?error\\s+", "")).toList();
        }
    }

    public void clear() {
        synchronized (output) {
            output.clear();
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void awaitListening() throws InterruptedException {
        CountDownLatch listening = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    synchronized (output) {
                        output.add(line);
                    }
                    if (line.contains("Prism is listening")) {
                        listening.countDown();
                    }
                }
            } catch (IOException e) {
                // the process ended; its exit is noticed below
            }
        }, "prism-output-" + port);
        reader.setDaemon(true);
        reader.start();
        if (!listening.await(START_SECONDS, TimeUnit.SECONDS)) {
            close();
            String said;
            synchronized (output) {
                said = String.join("\n", output);
            }
            throw new IllegalStateException("Prism did not start listening in " + START_SECONDS + " s:\n" + said);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
