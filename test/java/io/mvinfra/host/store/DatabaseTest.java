package io.mvinfra.host.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.stream.Stream;

import org.h2.jdbc.JdbcConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
