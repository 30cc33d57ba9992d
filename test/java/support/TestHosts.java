package support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;


import io.mvinfra.host.Host;
import io.mvinfra.host.HostSettings;
import io.mvinfra.host.store.DatabaseSettings;

/** Hosts for tests: a temp data directory, the embedded database or a fresh PostgreSQL schema, a chosen module. */
public final class TestHosts {
    public static final String PG_URL = System.getenv().getOrDefault("MVINFRA_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/mvinfra_test");
    public static final String PG_USER = System.getenv().getOrDefault("MVINFRA_TEST_PG_USER", "mvinfra");
    public static final String PG_PASSWORD = System.getenv().getOrDefault("MVINFRA_TEST_PG_PASSWORD", "mvinfra");
    /** A fixed key so tests never write one into the developer's home. */
    public static final String TEST_KEY = Base64.getEncoder().encodeToString(new byte[32]);

    public enum Db { EMBEDDED, POSTGRES }

    private TestHosts() {
    }

    public static Path projectDir() {
        return Path.of(System.getProperty("mvinfra.projectDir", ".")).toAbsolutePath();
    }

    public static Path sampleModule() {
        return projectDir().resolve("test/resources/modules/sample");
    }

    public static HostSettings settings(Path home, Db db, Path module) {
        return settings(home, db, module, freshSchema());
    }

    /** Hosts given the same schema share one PostgreSQL database, as a cluster of hosts would. */
    public static HostSettings settings(Path home, Db db, Path module, String schema) {
        DatabaseSettings database = db == Db.EMBEDDED ? DatabaseSettings.embedded(home)
                : new DatabaseSettings(PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema, PG_USER, PG_PASSWORD, 4);
        return new HostSettings(home, database, module, TEST_KEY, Duration.ofMillis(200));
    }

    public static String freshSchema() {
        return "t" + UUID.randomUUID().toString().replace("-", "");
    }

    public static Host open(Path home, Db db, Path module) {
        if (db == Db.POSTGRES) {
            requirePostgres();
        }
        return Host.open(settings(home, db, module));
    }

    public static Path tempHome() {
        try {
            return Files.createTempDirectory("mvinfra-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** PostgreSQL from .ci/run (or a local one with the same role and database); the skip-or-fail rule is LocalServices'. */
    public static void requirePostgres() {
        String problem = null;
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD)) {
            c.isValid(2);
        } catch (SQLException e) {
            problem = e.getMessage();
        }
        LocalServices.require(problem == null, "PostgreSQL is not reachable at " + PG_URL + ": " + problem);
    }
}
