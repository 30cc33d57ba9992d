package io.mvinfra.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;
import support.CliRun;
import support.LogCapture;
import support.TestHosts;

/** The CLI as other tools script it: output, exit codes 0/1/2, errors on stderr, secrets never printed. */
class CliTest {
    private static final String CANARY = "canary-cli-91d2-do-not-leak";

    @TempDir
    Path home;

    private CliRun run(String... args) {
        return CliRun.on(home, TestHosts.sampleModule(), args);
    }

    @Test
    void createsReadsUpdatesAndDeletesAnEntity() throws Exception {
        String owner = run("entity", "create", "Owner", "name=ops").out().trim();

        CliRun created = run("entity", "create", "Gadget", "name=probe", "size=7", "tags=a,b", "owner=" + owner, "--json");
        JsonNode json = new ObjectMapper().readTree(created.out());
        String uuid = json.get("uuid").asText();
        CliRun updated = run("entity", "update", "Gadget", uuid, "size=8", "--version", "1");
        CliRun listed = run("entity", "list", "Gadget");
        CliRun deleted = run("entity", "delete", "Gadget", uuid);
        CliRun gone = run("entity", "get", "Gadget", uuid);

        assertThat(created.code()).isZero();
        assertThat(json.at("/fields/tags").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(json.at("/fields/owner").asText()).isEqualTo(owner);
        assertThat(updated.code()).isZero();
        assertThat(updated.out()).contains("version 2").containsPattern("size\\s+8");
        assertThat(listed.out()).contains(uuid).contains("probe");
        assertThat(deleted.code()).isZero();
        assertThat(gone.code()).isEqualTo(2);
        assertThat(gone.err()).startsWith("error: no Gadget with uuid " + uuid);
    }

    @Test
    void theVersionIsPrintedWithoutBuildingAnyCommand() {
        for (String flag : List.of("--version", "-V")) {
            CommandLine cli = Main.commandLine(flag);
            StringWriter out = new StringWriter();
            cli.setOut(new PrintWriter(out, true));

            int code = cli.execute(flag);

            assertThat(code).isZero();
            assertThat(out.toString().trim()).isEqualTo("mv-infra 0.1.0");
            assertThat(cli.getSubcommands()).as("nothing but the version was needed").isEmpty();
        }
    }

    @Test
    void badInputExitsWithTwoAndOneClearLineFirst() {
        CliRun unknownEntity = run("entity", "list", "Widget");
        CliRun unknownField = run("entity", "create", "Gadget", "name=x", "colour=red");
        CliRun invalid = run("entity", "create", "Gadget", "name=x", "size=500");
        CliRun notAnAssignment = run("entity", "create", "Gadget", "name");
        CliRun unknownCommand = run("entity", "frobnicate");

        assertThat(List.of(unknownEntity, unknownField, invalid, notAnAssignment, unknownCommand)).allMatch(r -> r.code() == 2);
        assertThat(unknownEntity.err()).startsWith("error: unknown entity template Widget");
        assertThat(unknownField.err()).startsWith("error: Gadget.colour: no such field in Gadget");
        assertThat(invalid.err()).startsWith("error: Gadget.size: must be at most 100, is 500 (maxValue)");
        assertThat(notAnAssignment.err()).startsWith("error: expected field=value, got 'name'");
    }

    @Test
    void entityCreateAndUpdateRunTheRulesTheButtonsCheckAtPress() {
        Path module = TestHosts.projectDir();
        CliRun.on(home, module, "entity", "create", "DomainName", "name=cli.example");

        CliRun ttl = CliRun.on(home, module, "entity", "create", "DnsRecord", "domainName=cli.example", "recordType=A",
                "name=www", "value=192.0.2.7", "ttl=30");
        CliRun mx = CliRun.on(home, module, "entity", "create", "DnsRecord", "domainName=cli.example", "recordType=MX",
                "name=@", "value=mail.cli.example");
        String good = CliRun.on(home, module, "entity", "create", "DnsRecord", "domainName=cli.example", "recordType=A",
                "name=www", "value=192.0.2.7", "ttl=300").out().trim();
        CliRun update = CliRun.on(home, module, "entity", "update", "DnsRecord", good, "value=2001:db8::7");

        assertThat(List.of(ttl, mx, update)).allMatch(r -> r.code() == 2);
        assertThat(ttl.err()).startsWith("error: DnsRecord.ttl: must be 1 (automatic) or 60 to 86400 seconds, is 30 (entityRules)");
        assertThat(mx.err()).startsWith("error: DnsRecord.priority: is required for type MX");
        assertThat(update.err()).startsWith("error: DnsRecord.value: must be an IPv4 address");
        assertThat(CliRun.on(home, module, "entity", "get", "DnsRecord", good, "--json").out()).contains("192.0.2.7");
    }

    @Test
    void aStaleUpdateIsRefused() {
        String uuid = run("entity", "create", "Gadget", "name=x").out().trim();
        run("entity", "update", "Gadget", uuid, "size=2");

        CliRun stale = run("entity", "update", "Gadget", uuid, "size=3", "--version", "1");

        assertThat(stale.code()).isEqualTo(2);
        assertThat(stale.err()).startsWith("error: Gadget " + uuid + " was changed by someone else");
    }

    @Test
    void pressesAButtonPrintsItsMessageAndAuditsIt() throws Exception {
        String uuid = run("entity", "create", "Gadget", "name=probe", "secret=" + CANARY).out().trim();

        CliRun ok = run("action", "run", "Gadget", "greet", uuid, "--user", "alice");
        CliRun failed = run("action", "run", "Gadget", "fail", uuid, "--user", "alice");
        CliRun crashed = run("action", "run", "Gadget", "crash", uuid);
        CliRun refused = run("action", "run", "Gadget", "enabledOnly", uuid);
        CliRun unknown = run("action", "run", "Gadget", "explode", uuid);
        CliRun audit = run("audit", "--entity", uuid, "--json");

        assertThat(ok.code()).isZero();
        assertThat(ok.out().trim()).isEqualTo("Hello probe (greeted 1 times, secret of " + CANARY.length() + " characters)");
        assertThat(failed.code()).isEqualTo(1);
        assertThat(failed.err()).startsWith("error: provider refused the request: quota exceeded");
        assertThat(run("entity", "get", "Gadget", uuid, "--json").out()).as("the failed press wrote nothing").contains("\"greeted\" : 1");
        assertThat(crashed.code()).isEqualTo(1);
        assertThat(crashed.err()).startsWith("error: internal error in CrashingGadget: java.lang.IllegalStateException: boom");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).startsWith("error: Button 'Only when enabled' does not apply to this Gadget now");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("error: no button explode on Gadget");
        JsonNode rows = new ObjectMapper().readTree(audit.out());
        assertThat(rows).hasSize(4);
        assertThat(rows.get(3).get("user").asText()).isEqualTo("alice");
        assertThat(rows.get(3).get("action").asText()).isEqualTo("greet");
        assertThat(rows.get(3).get("outcome").asText()).isEqualTo("SUCCESS");
        assertThat(rows.get(3).get("durationMs").asLong()).isNotNegative();
        assertThat(rows.get(2).get("outcome").asText()).isEqualTo("FAILED");
        assertThat(rows.get(0).get("outcome").asText()).isEqualTo("REFUSED");
    }

    @Test
    void aSecretNeverAppearsInOutputLogsOrTheDatabaseFile() throws Exception {
        StringBuilder everything = new StringBuilder();
        try (LogCapture logs = LogCapture.start()) {
            CliRun created = run("entity", "create", "Gadget", "name=probe", "secret=" + CANARY, "--json");
            String uuid = new ObjectMapper().readTree(created.out()).get("uuid").asText();
            for (CliRun r : List.of(created, run("entity", "get", "Gadget", uuid), run("entity", "get", "Gadget", uuid, "--json"),
                    run("entity", "list", "Gadget", "--json"), run("entity", "update", "Gadget", uuid, "secret=" + CANARY + "2", "size=999"),
                    run("action", "run", "Gadget", "greet", uuid), run("action", "run", "Gadget", "fail", uuid), run("audit", "--json"))) {
                everything.append(r.out()).append(r.err());
            }
            everything.append(logs.text());
            assertThat(logs.events()).as("logs were captured").isNotEmpty();
        }

        assertThat(everything.toString()).contains("******").doesNotContain(CANARY);
        try (Stream<Path> files = Files.walk(home)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1)).as(f.toString()).doesNotContain(CANARY);
            }
        }
    }

    @Test
    void runsAJobNowAndListsIt() {
        CliRun ran = run("job", "run", "tick");
        CliRun listed = run("job", "list");
        CliRun unknown = run("job", "run", "tock");

        assertThat(ran.code()).isZero();
        assertThat(ran.out()).contains("job tick: SUCCESS (ok 1, ko -, warnings -)").contains("tick by ");
        assertThat(listed.out()).contains("tick").contains("*/1 * * * * *").contains("SUCCESS");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("error: no job tock");
    }

    @Test
    void moduleCheckPrintsWhatItLoadedAndRefusesABrokenModule() throws Exception {
        CliRun ok = run("module", "check");
        Path broken = home.resolve("broken");
        Files.createDirectories(broken.resolve("customEntityTemplates"));
        Files.writeString(broken.resolve("module.json"), "{\"code\":\"b\",\"currentVersion\":\"1\",\"description\":\"d\"}");
        Files.writeString(broken.resolve("customEntityTemplates/Thing.json"), "{\"code\":\"Thing\",\"customEntityCategoryCode\":\"nowhere\"}");
        CommandLine cli = Main.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        int code = cli.execute("module", "check", "--module=" + broken, "--home=" + home);

        assertThat(ok.code()).isZero();
        assertThat(ok.out()).contains("module sample 1.0.0").contains("Gadget").contains("buttons: crash, enabledOnly, fail, greet, noop");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: module refused: customEntityTemplates/Thing.json: customEntityCategoryCode: category nowhere");
    }
    @Test
    void updateAndDeleteHelpPrintsTheirUsage() {
        CliRun update = run("entity", "update", "--help");
        CliRun delete = run("entity", "delete", "-h");

        assertThat(update.code()).isZero();
        assertThat(update.out()).startsWith("Usage: mv-infra entity update").contains("--version=<version>");
        assertThat(delete.code()).isZero();
        assertThat(delete.out()).startsWith("Usage: mv-infra entity delete");
    }

    @Test
    void anUnknownCommandOrOptionExitsWithTwoAndTheUsageOnStderr() {
        CliRun command = run("frobnicate");
        CliRun option = run("entity", "list", "Gadget", "--frob");

        assertThat(command.code()).isEqualTo(2);
        assertThat(command.err()).startsWith("error: Unmatched arguments").contains("Usage: mv-infra [-hV] [COMMAND]");
        assertThat(command.out()).isEmpty();
        assertThat(option.code()).isEqualTo(2);
        assertThat(option.err()).startsWith("error: Unknown option: '--frob'").contains("Usage: mv-infra entity list");
    }

    @Test
    void aNegativeLimitOrOffsetIsBadInput() {
        CliRun limit = run("entity", "list", "Gadget", "--limit", "-3");
        CliRun offset = run("entity", "list", "Gadget", "--offset=-1");

        assertThat(limit.code()).isEqualTo(2);
        assertThat(limit.err()).isEqualTo("error: --limit must be 1 or more, is -3" + System.lineSeparator());
        assertThat(offset.code()).isEqualTo(2);
        assertThat(offset.err()).startsWith("error: --offset must be 0 or more, is -1");
    }

    @Test
    void actionListSaysInWordsWhenAButtonApplies() {
        CliRun listed = run("action", "list", "Gadget");

        assertThat(listed.code()).isZero();
        assertThat(listed.out()).containsPattern("enabledOnly\\s+.*\\s+enabled is true").doesNotContain("${").doesNotContain("getCfValuesAsValues");
    }
    @Test
    void aReferenceAndAnEntityArgumentTakeAUniqueNameAndAnAmbiguousOneSaysWhichMatched() throws Exception {
        String ops = run("entity", "create", "Owner", "name=ops").out().trim();
        String twin1 = run("entity", "create", "Owner", "name=twin").out().trim();
        String twin2 = run("entity", "create", "Owner", "name=twin").out().trim();

        CliRun created = run("entity", "create", "Gadget", "name=probe", "owner=ops", "--json");
        CliRun shown = run("entity", "get", "Gadget", "probe");
        CliRun filtered = run("entity", "list", "Gadget", "--where", "owner=ops", "--json");
        CliRun pressed = run("action", "run", "Gadget", "greet", "probe");
        CliRun ambiguous = run("entity", "create", "Gadget", "name=other", "owner=twin");
        CliRun ambiguousGet = run("entity", "get", "Owner", "twin");

        assertThat(new ObjectMapper().readTree(created.out()).at("/fields/owner").asText()).as("--json keeps the uuid").isEqualTo(ops);
        assertThat(shown.code()).isZero();
        assertThat(shown.out()).containsPattern("owner\\s+ops\\R");
        assertThat(new ObjectMapper().readTree(filtered.out())).hasSize(1);
        assertThat(pressed.code()).as(pressed.err()).isZero();
        assertThat(ambiguous.code()).isEqualTo(2);
        assertThat(ambiguous.err()).startsWith("error: name twin names 2 Owner entities (").contains(twin1).contains(twin2);
        assertThat(ambiguousGet.code()).isEqualTo(2);
        assertThat(ambiguousGet.err()).contains(twin1).contains(twin2);
    }

    @Test
    void theCommandLineBuiltForOneCommandAnswersAsTheWholeOneDoes() {
        for (String[] args : List.of(new String[] {"entity", "get", "--help"}, new String[] {"entity", "nosuch"},
                new String[] {"entity", "get"}, new String[] {"entity", "get", "Gadget", "x", "--nosuch"}, new String[] {"entity", "--help"},
                new String[] {"action", "run", "--help"}, new String[] {"module", "--help"})) {
            String[] whole = answer(Main.commandLine(), args);
            String[] one = answer(Main.commandLine(args), args);
            assertThat(one).as(String.join(" ", args)).containsExactly(whole);
        }
        assertThat(Main.commandLine("entity", "list").getSubcommands()).containsOnlyKeys("entity");
        assertThat(Main.commandLine("entity", "get", "Gadget", "x").getSubcommands().get("entity").getSubcommands()).containsOnlyKeys("get");
        assertThat(Main.commandLine("entity", "--help").getSubcommands().get("entity").getSubcommands())
                .containsOnlyKeys("list", "get", "create", "update", "delete");
        assertThat(Main.commandLine("--help").getSubcommands()).containsKeys("entity", "action", "serve", "user", "help");
        assertThat(Main.commandLine("nosuch").getSubcommands()).containsKeys("entity", "action", "serve", "user", "help");
    }

    /** {exit code, stdout, stderr} of a command that opens no host. */
    private static String[] answer(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }
}
