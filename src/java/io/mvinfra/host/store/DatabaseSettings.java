package io.mvinfra.host.store;

import java.nio.file.Path;

/** Where entities live: the embedded database under the data directory, or PostgreSQL when a URL is given. */
public record DatabaseSettings(String jdbcUrl, String user, String password, int poolSize) {
    /** How long opening a connection may take before the command says why it cannot. */
    public static final long CONNECT_TIMEOUT_MILLIS = 1_000;

    /**
     * H2's automatic mixed mode: the first process to open the file serves it to the others over loopback (a CLI
     * command beside a running `serve` sees the same data at once).
     */
    public static DatabaseSettings embedded(Path home) {
        return new DatabaseSettings("jdbc:h2:file:" + home.toAbsolutePath().resolve("data").resolve("mv-infra")
                + ";AUTO_SERVER=TRUE", "mvinfra", "", 4);
    }

    /** A one-shot command waits for a row another process holds for under a second, then says so, rather than hanging. */
    public String oneShotJdbcUrl() {
        return jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.contains("LOCK_TIMEOUT") ? jdbcUrl + ";LOCK_TIMEOUT=800" : jdbcUrl;
    }

    public boolean isPostgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + jdbcUrl + ", user=" + user + ", password=" + (password == null || password.isEmpty() ? "" : "******") + "]";
    }
}
