package io.mvinfra.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mvinfra.host.Host;
import io.mvinfra.host.handoff.ServeFile;
import io.mvinfra.host.store.StoreSession;
import io.mvinfra.host.store.StoredEntity;
import support.CliRun;
import support.TestHosts;
import support.TestHosts.Db;

/** The CLI on a data directory that a running host has open: same data at once, no hang on a lock. */
class BesideServeTest {
    @TempDir
    Path home;
    private Process serve;

    private CliRun run(String... args) {
        return CliRun.on(home, TestHosts.sampleModule(), args);
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (serve != null) {
            serve.destroy();
            serve.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void startServe() throws IOException {
        Files.writeString(home.resolve("secret.key"), TestHosts.TEST_KEY);
        serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "serve", "--port=0", "--home=" + home, "--module=" + TestHosts.sampleModule())
                .redirectErrorStream(true).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line == null || !line.startsWith("mv-infra serving on"); line = lines.readLine()) {
            assertThat(line).as("serve ended before serving").isNotNull();
        }
    }

    @Test
    void aServeTakesTheCommandsOfItsHomeThroughAFileOnlyItsOwnerReadsAndRemovesItWhenItStops() throws Exception {
        startServe();
        Path file = ServeFile.in(home);
        ServeFile written = ServeFile.read(home);
        String permissions = PosixFilePermissions.toString(Files.getPosixFilePermissions(file));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"entity", "create", "Gadget", "name=handed", "--home=" + home, "--module=" + TestHosts.sampleModule()},
                Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        serve.destroy();
        assertThat(serve.waitFor(20, TimeUnit.SECONDS)).isTrue();

        assertThat(written.pid()).isEqualTo(serve.pid());
        assertThat(permissions).isEqualTo("rw-------");
        assertThat(code).isZero();
        assertThat(Files.exists(file)).as("removed at stop").isFalse();
        CliRun listed = run("entity", "list", "Gadget");
        assertThat(listed.out()).contains(out.toString(StandardCharsets.UTF_8).trim());
    }

    @Test
    void theCliWorksOnTheDataOfAServeProcessRunningOnTheSameHome() throws Exception {
        startServe();

        CliRun created = run("entity", "create", "Gadget", "name=beside");
        CliRun listed = run("entity", "list", "Gadget");
        CliRun pressed = run("action", "run", "Gadget", "greet", created.out().trim());

        assertThat(created.code()).as(created.err()).isZero();
        assertThat(listed.out()).contains("beside");
        assertThat(pressed.code()).as(pressed.err()).isZero();
        assertThat(serve.isAlive()).isTrue();
    }

    @Test
    void anEntityLockedByTheHostIsRefusedInOneLineRatherThanWaitedFor() {
        try (Host host = TestHosts.open(home, Db.EMBEDDED, TestHosts.sampleModule())) {
            StoredEntity gadget = host.store().create("Gadget", Map.of("name", "held"));
            try (StoreSession pressing = host.store().session()) {
                pressing.update("Gadget", gadget.uuid(), null, Map.of("size", 3L));
                pressing.flush();

                CliRun update = run("entity", "update", "Gadget", gadget.uuid(), "size=4");

                assertThat(update.code()).isEqualTo(1);
                assertThat(update.err()).startsWith("error: ").contains("another process holds a lock on it").hasLineCount(1);
            }
        }
    }
}
