package io.mvinfra.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.mvinfra.host.Host;
import support.CliRun;
import support.TestHosts;
import support.TestHosts.Db;

/** `entity list` never stops silently: a cut table or JSON says so, --all streams every row, four formats, chosen columns. */
class EntityListTest {
    private static final int GADGETS = 3003;

    @TempDir
    Path home;
    private String ops;

    private CliRun run(String... args) {
        return CliRun.on(home, TestHosts.sampleModule(), args);
    }

    @BeforeEach
    void threeThousandGadgets() throws Exception {
        Files.writeString(home.resolve("secret.key"), TestHosts.TEST_KEY);
        try (Host host = Host.open(TestHosts.settings(home, Db.EMBEDDED, TestHosts.sampleModule()))) {
            ops = host.store().create("Owner", Map.of("name", "ops")).uuid();
            List<Map<String, Object>> gadgets = new ArrayList<>();
            for (int i = 0; i < GADGETS; i++) {
                gadgets.add(Map.of("name", String.format("g-%04d", i), "size", 1 + i % 100, "owner", ops, "notes", "a \"quoted\", comma\nand a line"));
            }
            host.store().createAll("Gadget", gadgets);
        }
    }

    @Test
    void aCutTableEndsSayingWhichRowsOfHowManyAndHowToSeeTheRest() {
        CliRun first = run("entity", "list", "Gadget");
        CliRun second = run("entity", "list", "Gadget", "--offset", "1000", "--limit", "10");

        assertThat(first.code()).isZero();
        assertThat(first.lines()).hasSize(1 + 1000 + 1);
        assertThat(first.lines().get(1)).containsPattern("g-\\d{4}\\s+\\d+\\s+red");
        assertThat(first.lines().get(1001)).isEqualTo("1–1000 of 3003 (use --offset or --all)");
        assertThat(second.lines()).hasSize(12);
        assertThat(second.lines().get(11)).isEqualTo("1001–1010 of 3003 (use --offset or --all)");
    }

    @Test
    void anEmptyTableSaysSoOnStderrAndJsonStaysAnEmptyList() throws Exception {
        CliRun none = run("entity", "list", "Gadget", "--where", "name=g-9999", "--where", "size=3");
        Path empty = Files.createDirectories(home.resolve("empty-home"));
        Files.writeString(empty.resolve("secret.key"), TestHosts.TEST_KEY);
        CliRun noneYet = CliRun.on(empty, TestHosts.sampleModule(), "entity", "list", "Owner");
        CliRun json = CliRun.on(empty, TestHosts.sampleModule(), "entity", "list", "Owner", "--json");

        assertThat(none.code()).isZero();
        assertThat(none.lines()).hasSize(1);
        assertThat(none.err()).isEqualTo("no Gadget with name=g-9999 and size=3" + System.lineSeparator());
        assertThat(noneYet.err()).isEqualTo("no Owner yet" + System.lineSeparator());
        assertThat(noneYet.lines()).hasSize(1);
        assertThat(new ObjectMapper().readTree(json.out()).size()).isZero();
        assertThat(json.err()).isEmpty();
    }

    @Test
    void allStreamsEveryRowOnce() {
        CliRun all = run("entity", "list", "Gadget", "--all", "--columns", "name,size");

        assertThat(all.code()).as(all.err()).isZero();
        assertThat(all.err()).isEmpty();
        List<String> lines = all.lines();
        assertThat(lines).hasSize(1 + GADGETS);
        assertThat(lines.get(0)).matches("name\\s+size");
        assertThat(new HashSet<>(lines.subList(1, lines.size()))).hasSize(GADGETS);
        assertThat(lines).contains("g-3002  3", "g-0000  1");
    }

    @Test
    void jsonHoldsEveryRowOrSaysOnStderrThatItWasCut() throws Exception {
        CliRun cut = run("entity", "list", "Gadget", "--json");
        CliRun whole = run("entity", "list", "Gadget", "-o", "json", "--all");

        JsonNode cutRows = new ObjectMapper().readTree(cut.out());
        JsonNode rows = new ObjectMapper().readTree(whole.out());
        assertThat(cutRows).hasSize(1000);
        assertThat(cut.err()).isEqualTo("warning: cut to 1–1000 of 3003 (use --offset or --all)" + System.lineSeparator());
        assertThat(rows).hasSize(GADGETS);
        assertThat(whole.err()).isEmpty();
        assertThat(rows.findValuesAsText("name")).contains("g-3002").doesNotHaveDuplicates();
        assertThat(rows.get(0).at("/fields/owner").asText()).as("JSON keeps the uuid").isEqualTo(ops);
    }

    @Test
    void yamlHoldsTheSameDocumentsAsJson() throws Exception {
        CliRun yaml = run("entity", "list", "Gadget", "-o", "yaml", "--limit", "2", "--columns", "name,owner");

        JsonNode rows = new YAMLMapper().readTree(yaml.out());
        assertThat(yaml.code()).isZero();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).at("/fields/name").asText()).startsWith("g-");
        assertThat(rows.get(1).at("/fields/owner").asText()).isEqualTo(ops);
        assertThat(rows.get(1).at("/fields/size").isMissingNode()).as("only the chosen fields").isTrue();
        assertThat(yaml.err()).startsWith("warning: cut to 1–2 of 3003");
    }

    @Test
    void csvHasAHeaderAndQuotesWhatNeedsIt() {
        CliRun csv = run("entity", "list", "Gadget", "-o", "csv", "--where", "name=g-0000", "--columns", "name,size,notes,owner");

        assertThat(csv.code()).isZero();
        assertThat(csv.out()).isEqualTo("name,size,notes,owner\n"
                + "g-0000,1,\"a \"\"quoted\"\", comma\nand a line\"," + ops + "\n");
    }

    @Test
    void anUnknownColumnOrAllWithALimitIsBadInput() {
        CliRun column = run("entity", "list", "Gadget", "--columns", "name,colour");
        CliRun allAndLimit = run("entity", "list", "Gadget", "--all", "--limit", "5");
        CliRun format = run("entity", "list", "Gadget", "-o", "xml");

        assertThat(column.code()).isEqualTo(2);
        assertThat(column.err()).startsWith("error: unknown column colour (columns: uuid, version, createdAt, updatedAt, ");
        assertThat(allAndLimit.code()).isEqualTo(2);
        assertThat(allAndLimit.err()).startsWith("error: --all lists every entity");
        assertThat(format.code()).isEqualTo(2);
    }
}
