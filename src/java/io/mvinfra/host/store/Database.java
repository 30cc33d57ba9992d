package io.mvinfra.host.store;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;

/** The connection pool, with the schema migrated by Flyway before anything else touches it. */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource dataSource;
    private final DatabaseSettings settings;

    private Database(HikariDataSource dataSource, DatabaseSettings settings) {
        this.dataSource = dataSource;
        this.settings = settings;
    }

    public static Database open(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setPoolName("mv-infra");
        config.setInitializationFailTimeout(10_000);
        if (settings.isPostgres()) {
            // one multi-row INSERT per batch instead of one round trip per row
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            throw new StoreException(StoreException.Kind.UNAVAILABLE, "cannot open the database " + settings.jdbcUrl() + ": " + rootMessage(e));
        }
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        log.debug("database ready: {}", settings.jdbcUrl());
        return new Database(dataSource, settings);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.toString() : t.getMessage();
        if (message.contains("Database may be already in use")) {
            return "it is in use by another process (is `serve` running? use its web API, or stop it first)";
        }
        return message.lines().findFirst().orElse(message);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    public DatabaseSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
