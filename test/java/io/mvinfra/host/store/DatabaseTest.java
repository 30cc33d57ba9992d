package io.mvinfra.host.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.h2.jdbc.JdbcConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mvinfra.host.Host;
import io.mvinfra.host.HostSettings;
import support.TestHosts;

class DatabaseTest {
    @TempDir
    Path home;

    @Test
    void theSchemaVersionAOneShotCommandChecksIsTheNewestMigration() throws Exception {
        try (Stream<Path> migrations = Files.list(TestHosts.projectDir().resolve("src/resources/db/migration"))) {
            int newest = migrations.map(p -> p.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();

            assertThat(Database.SCHEMA_VERSION).isEqualTo(String.valueOf(newest));
        }
    }

    @Test
    void aLentConnectionGoesBackOpenForTheNextUserAndClosesWithTheDatabase() throws Exception {
        Connection physical;
        try (Database db = Database.plain(DatabaseSettings.embedded(home))) {
            Connection lent = db.connection();
            physical = lent.unwrap(JdbcConnection.class);
            lent.close();

            Connection next = db.connection();

            assertThat(lent.isClosed()).as("handed back, not closed").isFalse();
            assertThat(next.unwrap(JdbcConnection.class)).isSameAs(physical);
            assertThat(next.getMetaData().getURL()).startsWith("jdbc:h2:file:");
        }
        assertThat(physical.isClosed()).isTrue();
    }

    @Test
    void plainConnectionsMigrateAFreshDatabaseAndReuseOneConnection() throws Exception {
        try (Database db = Database.plain(DatabaseSettings.embedded(home))) {
            Connection first = db.connection();
            first.setAutoCommit(false);
            first.close();
            try (Connection again = db.connection(); ResultSet rs = again.createStatement().executeQuery("SELECT COUNT(*) FROM entity")) {
                assertThat(again.getAutoCommit()).as("handed back reset").isTrue();
                assertThat(rs.next()).isTrue();
            }
        }
        try (Database reopened = Database.plain(DatabaseSettings.embedded(home)); Connection c = reopened.connection();
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" AND \"type\" = 'SQL'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("migrated once").isEqualTo(Integer.parseInt(Database.SCHEMA_VERSION));
        }
    }

    @Test
    void aCommandThatOnlyReadsClosesTheFileUntidiedWhileOneThatWritesStillCompactsIt() throws Exception {
        // given the host settings a command starts from
        HostSettings settings = TestHosts.settings(home, TestHosts.Db.EMBEDDED, TestHosts.projectDir());

        // when a reading command and a writing one open the embedded database
        String reading;
        String writing;
        try (Host host = Host.openForCommand(settings.readingOnly())) {
            reading = maxCompactTime(host);
        }
        try (Host host = Host.openForCommand(settings)) {
            writing = maxCompactTime(host);
        }

        // then only the reading one leaves out the compaction at close, and PostgreSQL's URL is left alone
        assertThat(reading).isEqualTo("0");
        assertThat(writing).isNotEqualTo("0");
        DatabaseSettings postgres = new DatabaseSettings("jdbc:postgresql://127.0.0.1/db", "u", "p", 4);
        assertThat(postgres.withoutCompactionAtClose()).isEqualTo(postgres);
        assertThat(new DatabaseSettings("jdbc:h2:file:/x;MAX_COMPACT_TIME=50", "u", "", 4).withoutCompactionAtClose().jdbcUrl())
                .as("an operator's own setting wins").endsWith(";MAX_COMPACT_TIME=50");
    }

    private static String maxCompactTime(Host host) throws Exception {
        try (Connection c = host.database().connection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'MAX_COMPACT_TIME'")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    @Test
    void aDataDirectoryTheEarlierH2WroteOpensWithItsEntitiesAndTakesNewOnes() throws Exception {
        // given an operator's data directory written by H2 2.3.232, the H2 of the releases before 2.4.240's fix
        Path fixture = TestHosts.projectDir().resolve("test/resources/homes/h2-2.3.232/data/mv-infra.mv.db");
        Files.createDirectories(home.resolve("data"));
        Files.copy(fixture, home.resolve("data/mv-infra.mv.db"));

        // when today's host opens it, then what it held is there, and it takes a write that outlives a reopen
        try (Host host = TestHosts.open(home, TestHosts.Db.EMBEDDED, TestHosts.projectDir())) {
            assertThat(host.store().findBy("DomainName", Map.of("name", "kept-across-h2.example"))).singleElement()
                    .satisfies(d -> assertThat(d.value("providerSideId")).isEqualTo("zone-1"));
            assertThat(host.store().count("DomainName")).isEqualTo(2);
            host.store().create("DomainName", Map.of("name", "after-the-upgrade.example"));
        }
        try (Host host = TestHosts.open(home, TestHosts.Db.EMBEDDED, TestHosts.projectDir())) {
            assertThat(host.store().findBy("DomainName", Map.of())).extracting(d -> d.value("name"))
                    .containsExactlyInAnyOrder("kept-across-h2.example", "second.example", "after-the-upgrade.example");
        }
    }

    /**
     * A one-shot command opens the embedded database, commits and closes it, and H2 compacts the file at each close. With
     * H2's own assertions on (surefire enables them for every class), H2 2.3.232 stops that compaction at an assertion
     * in RandomAccessStore.moveChunkInside, the file is left without its clean-shutdown mark, and a later open reads an
     * older version: on this workload (seed 38) the 15th open found 5 rows of 14, every run. The launcher never enables
     * H2's assertions, nor do the tests since (pom.xml); this keeps the store honest if either changes. Without
     * assertions 2.3.232 could lose data at that compaction too (h2database#4247: a close committed before compacting);
     * the build is on 2.4.240, which fixed it.
     */
    @Test
    void everyCommitOutlivesTheCloseAndReopenOfEachOneShotCommand() throws Exception {
        DatabaseSettings settings = DatabaseSettings.embedded(home);
        Random random = new Random(38);
        List<Integer> rowsSeenAtOpen = new ArrayList<>();

        for (int command = 0; command < 20; command++) {
            rowsSeenAtOpen.add(countThenAddANote(settings, command, random));
        }

        assertThat(rowsSeenAtOpen).as("rows each open found: one more than the open before").isEqualTo(IntStream.range(0, 20).boxed().toList());
    }

    /** One command's session: open, count the notes, add one with a few indexed words, commit, close. */
    private static int countThenAddANote(DatabaseSettings settings, int command, Random random) throws Exception {
        try (Connection c = DriverManager.getConnection(settings.oneShotJdbcUrl(), settings.user(), settings.password())) {
            c.createStatement().execute("CREATE TABLE IF NOT EXISTS note (id INT PRIMARY KEY, body VARCHAR(4000))");
            c.createStatement().execute("CREATE TABLE IF NOT EXISTS note_word (id INT, word VARCHAR(20), val VARCHAR(20))");
            c.createStatement().execute("CREATE INDEX IF NOT EXISTS note_word_val ON note_word (word, val)");
            int seen;
            try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM note")) {
                rs.next();
                seen = rs.getInt(1);
            }
            c.setAutoCommit(false);
            try (PreparedStatement note = c.prepareStatement("INSERT INTO note VALUES (?, ?)")) {
                note.setInt(1, command);
                note.setString(2, "x".repeat(200 + random.nextInt(3000)));
                note.executeUpdate();
            }
            int words = 1 + random.nextInt(20);
            try (PreparedStatement word = c.prepareStatement("INSERT INTO note_word VALUES (?, ?, ?)")) {
                for (int w = 0; w < words; w++) {
                    word.setInt(1, command);
                    word.setString(2, "k" + w);
                    word.setString(3, "v" + random.nextInt());
                    word.addBatch();
                }
                word.executeBatch();
            }
            c.commit();
            return seen;
        }
    }
}
