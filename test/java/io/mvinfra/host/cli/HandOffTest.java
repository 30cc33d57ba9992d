package io.mvinfra.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mvinfra.host.Host;
import io.mvinfra.host.handoff.HandOff;
import io.mvinfra.host.handoff.HandOffServer;
import io.mvinfra.host.handoff.HandOffServer.HandedCommand;
import io.mvinfra.host.handoff.ServeFile;
import io.mvinfra.host.store.StoredEntity;
import support.TestHosts;
import support.TestHosts.Db;

/**
 * A CLI command on the home of a running serve is run by that serve (as {@code serve} wires it: the same
 * {@link HandedCommands} on its open host), through the CLI's own entry point, and prints and exits as it would here.
 */
class HandOffTest {
    @TempDir
    Path home;
    private Host host;
    private HandOffServer serve;
    private final List<HandedCommand> ranAtServe = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (serve != null) {
            serve.close();
        }
        if (host != null) {
            host.close();
        }
    }

    private void serveOn(Path module) throws IOException {
        Files.writeString(home.resolve("secret.key"), TestHosts.TEST_KEY);
        host = TestHosts.open(home, Db.EMBEDDED, module);
        HandedCommands commands = new HandedCommands(host);
        serve = HandOffServer.start(host.settings(), (command, out, err) -> {
            ranAtServe.add(command);
            return commands.run(command, out, err);
        });
    }

    private Run cli(Path module, String... args) {
        return cli(module, Map.of(), args);
    }

    private Run cli(Path module, Map<String, String> env, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--home=" + home);
        all.add("--module=" + module);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(all.toArray(String[]::new), env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int code, String out, String err) {
    }

    @Test
    void aCommandOnTheHomeOfARunningServeRunsAtTheServeAndItsDataIsTheServesAtOnce() throws IOException {
        serveOn(TestHosts.sampleModule());

        Run created = cli(TestHosts.sampleModule(), "entity", "create", "Gadget", "name=handed");
        ByteArrayOutputStream gotOut = new ByteArrayOutputStream();
        int got = HandOff.forward(new String[] {"entity", "get", "Gadget", "handed", "--home", home.toString(), "--module",
                TestHosts.sampleModule().toString()}, Map.of(), "ops", false, new PrintStream(gotOut, true), new PrintStream(new ByteArrayOutputStream()));

        assertThat(created.code()).as(created.err()).isZero();
        assertThat(ranAtServe).extracting(c -> c.args().subList(0, 2)).containsExactly(List.of("entity", "create"), List.of("entity", "get"));
        StoredEntity stored = host.store().inTransaction(s -> s.get("Gadget", created.out().trim())).orElseThrow();
        assertThat(stored.values()).containsEntry("name", "handed");
        assertThat(got).isZero();
        assertThat(gotOut.toString(StandardCharsets.UTF_8)).contains(stored.uuid()).contains("handed");
    }

    @Test
    void aHandedCommandPrintsAndExitsExactlyAsTheSameCommandRunHere() throws IOException {
        serveOn(TestHosts.sampleModule());
        String gadget = host.store().create("Gadget", Map.of("name", "twin")).uuid();
        Map<String, String> here = Map.of(HandOff.SWITCH_ENV, "off");

        for (String[] command : List.of(new String[] {"entity", "list", "Gadget"}, new String[] {"entity", "get", "Gadget", "no-such-gadget"},
                new String[] {"action", "run", "Gadget", "noop", "twin", "--user", "ops"}, new String[] {"action", "run", "Gadget", "fail", gadget},
                new String[] {"entity", "list", "Gadget", "--limit", "-3"})) {
            Run handed = cli(TestHosts.sampleModule(), command);
            Run local = cli(TestHosts.sampleModule(), here, command);

            assertThat(handed).as(String.join(" ", command)).isEqualTo(local);
        }
        assertThat(ranAtServe).hasSize(5);
        assertThat(host.audit().recent(null, 0, 10)).extracting(a -> a.user()).contains("ops");
    }

    @Test
    void aPressIsAuditedUnderTheCallersUserNotTheServes() throws IOException {
        serveOn(TestHosts.sampleModule());
        String gadget = host.store().create("Gadget", Map.of("name", "audited")).uuid();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int code = HandOff.forward(new String[] {"action", "run", "Gadget", "greet", gadget, "--home=" + home, "--module=" + TestHosts.sampleModule()},
                Map.of(), "alice", false, new PrintStream(out, true), new PrintStream(new ByteArrayOutputStream()));

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isNotBlank();
        assertThat(host.audit().recent(null, 0, 1)).extracting(a -> a.user()).containsExactly("alice");
    }

    @Test
    void aButtonThatAsksOnTheCallersTerminalIsRunByTheCallerAndNothingIsPressedAtTheServe() throws IOException {
        serveOn(TestHosts.projectDir());
        String domain = host.store().create("DomainName", Map.of("name", "example.com")).uuid();
        String www = host.store().create("DnsRecord", Map.of("domainName", domain, "name", "www", "recordType", "A", "value", "192.0.2.10", "ttl", 3600L)).uuid();
        String[] delete = {"action", "run", "DnsRecord", "deleteCloudflareDnsRecord", www, "--home=" + home, "--module=" + TestHosts.projectDir()};
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int onATerminal = HandOff.forward(delete, Map.of(), "ops", true, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true));
        int inAScript = HandOff.forward(delete, Map.of(), "ops", false, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true));

        assertThat(onATerminal).as("the question is the caller's to ask").isEqualTo(HandOff.RUN_HERE);
        assertThat(inAScript).as("no terminal, no --yes: refused at the serve as here").isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("add --yes to go on");
        assertThat(host.audit().recent(null, 0, 10)).isEmpty();
        assertThat(host.store().inTransaction(s -> s.get("DnsRecord", www)).isPresent()).isTrue();
    }

    @Test
    void aStaleServeFileAnotherHostsServeOrAWrongTokenLeaveTheCommandToThisProcess() throws IOException {
        serveOn(TestHosts.sampleModule());
        ServeFile running = serve.file();
        String[] list = {"entity", "list", "Gadget", "--home=" + home, "--module=" + TestHosts.sampleModule()};
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());

        new ServeFile(closedPort(), running.token(), running.identity(), 1).write(home);
        int stale = HandOff.forward(list, Map.of(), "ops", false, quiet, quiet);
        new ServeFile(running.port(), "0".repeat(64), running.identity(), running.pid()).write(home);
        int wrongToken = HandOff.forward(list, Map.of(), "ops", false, quiet, quiet);
        running.write(home);
        int otherModule = HandOff.forward(new String[] {"entity", "list", "DnsRecord", "--home=" + home, "--module=" + TestHosts.projectDir()},
                Map.of(), "ops", false, quiet, quiet);
        int switchedOff = HandOff.forward(list, Map.of(HandOff.SWITCH_ENV, "off"), "ops", false, quiet, quiet);
        int help = HandOff.forward(new String[] {"entity", "list", "--help", "--home=" + home}, Map.of(), "ops", false, quiet, quiet);
        int handed = HandOff.forward(list, Map.of(), "ops", false, quiet, quiet);

        assertThat(List.of(stale, wrongToken, otherModule, switchedOff, help)).containsOnly(HandOff.RUN_HERE);
        assertThat(handed).isZero();
        assertThat(ranAtServe).hasSize(1);
    }

    @Test
    void whatAHandedCommandWritesReachesTheCallerWhileTheCommandStillRuns() throws IOException, InterruptedException {
        Files.writeString(home.resolve("secret.key"), TestHosts.TEST_KEY);
        host = TestHosts.open(home, Db.EMBEDDED, TestHosts.sampleModule());
        CountDownLatch seenByCaller = new CountDownLatch(1);
        List<Boolean> seenBeforeTheEnd = new CopyOnWriteArrayList<>();
        serve = HandOffServer.start(host.settings(), (command, out, err) -> {
            err.println("… 1 of 2 pages");
            err.flush();
            try {
                seenBeforeTheEnd.add(seenByCaller.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.println("done");
            return 0;
        });
        OutputStream watching = new OutputStream() {
            @Override
            public void write(int b) {
                seenByCaller.countDown();
            }

            @Override
            public void write(byte[] b, int off, int len) {
                seenByCaller.countDown();
            }
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int code = HandOff.forward(new String[] {"action", "run", "Gadget", "slow", "--home=" + home, "--module=" + TestHosts.sampleModule()},
                Map.of(), "ops", true, new PrintStream(out, true), new PrintStream(watching, true));

        assertThat(seenBeforeTheEnd).containsExactly(true);
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("done" + System.lineSeparator());
    }

    private static int closedPort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

}
