package io.mvinfra.host;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.mvinfra.host.store.DatabaseSettings;
import io.mvinfra.host.store.SecretCipher;

/** How a host runs: its data directory, its database, its module, its secret key. Built once, passed in. */
public record HostSettings(Path home, DatabaseSettings database, Path moduleDir, String secretKey, Duration schedulerPolling) {

    public static final String HOME_ENV = "MV_INFRA_HOME";
    public static final String JDBC_URL_ENV = "MV_INFRA_JDBC_URL";
    public static final String DB_USER_ENV = "MV_INFRA_DB_USER";
    public static final String DB_PASSWORD_ENV = "MV_INFRA_DB_PASSWORD";
    public static final String MODULE_ENV = "MV_INFRA_MODULE";

    /** From the environment, with command-line values (null when not given) taking precedence. */
    public static HostSettings from(Map<String, String> env, Path home, String jdbcUrl, Path moduleDir) {
        Path dataHome = home != null ? home
                : env.get(HOME_ENV) != null && !env.get(HOME_ENV).isBlank() ? Path.of(env.get(HOME_ENV))
                : Path.of(System.getProperty("user.home"), ".mv-infra");
        String url = jdbcUrl != null ? jdbcUrl : env.get(JDBC_URL_ENV);
        DatabaseSettings db = url == null || url.isBlank() ? DatabaseSettings.embedded(dataHome)
                : new DatabaseSettings(url, env.getOrDefault(DB_USER_ENV, ""), env.getOrDefault(DB_PASSWORD_ENV, ""), 8);
        Path module = moduleDir != null ? moduleDir : env.get(MODULE_ENV) != null ? Path.of(env.get(MODULE_ENV)) : null;
        return new HostSettings(dataHome, db, module, env.get(SecretCipher.KEY_ENV), Duration.ofSeconds(5));
    }

    /** The same host for a command that only reads (see {@link DatabaseSettings#withoutCompactionAtClose}). */
    public HostSettings readingOnly() {
        return new HostSettings(home, database.withoutCompactionAtClose(), moduleDir, secretKey, schedulerPolling);
    }

    public HostSettings withSchedulerPolling(Duration polling) {
        return new HostSettings(home, database, moduleDir, secretKey, polling);
    }

    @Override
    public String toString() {
        return "HostSettings[home=" + home + ", " + database + ", module=" + moduleDir + ", secretKey=" + (secretKey == null ? "file" : "******") + "]";
    }
}
