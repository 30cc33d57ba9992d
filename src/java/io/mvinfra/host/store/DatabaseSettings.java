package io.mvinfra.host.store;

import java.nio.file.Path;

/** Where entities live: the embedded database under the data directory, or PostgreSQL when a URL is given. */
public record DatabaseSettings(String jdbcUrl, String user, String password, int poolSize) {

    public static DatabaseSettings embedded(Path home) {
        return new DatabaseSettings("jdbc:h2:file:" + home.toAbsolutePath().resolve("data").resolve("mv-infra") + ";DB_CLOSE_ON_EXIT=FALSE",
                "mvinfra", "", 4);
    }

    public boolean isPostgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + jdbcUrl + ", user=" + user + ", password=" + (password == null || password.isEmpty() ? "" : "******") + "]";
    }
}
