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
        return withH2Setting("LOCK_TIMEOUT", "800").jdbcUrl();
    }

    /**
     * For a command that only reads: H2 closes the file without compacting it. A close compacts for up to 200 ms of
     * H2's budget, and after a large write (a 10 000-record sync leaves some 3 MB to reclaim) the next few commands
     * each paid about 0.3 s for it, a read-only `entity get` included, 0.28 s against 0.58 s on this machine. The
     * commands that write still compact at their close, so the file is kept as small as before.
     */
    public DatabaseSettings withoutCompactionAtClose() {
        return withH2Setting("MAX_COMPACT_TIME", "0");
    }

    /** {@code name=value} added to an embedded database's URL, unless the operator's URL sets it already. */
    private DatabaseSettings withH2Setting(String name, String value) {
        return jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.contains(name)
                ? new DatabaseSettings(jdbcUrl + ";" + name + "=" + value, user, password, poolSize) : this;
    }

    public boolean isPostgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + jdbcUrl + ", user=" + user + ", password=" + (password == null || password.isEmpty() ? "" : "******") + "]";
    }
}
