package io.mvinfra.host.store;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;

/**
 * Where the store's connections come from, with the schema migrated before anything else touches it. A long-running
 * host ({@link #pooled}) keeps a connection pool; a one-shot CLI command ({@link #plain}) opens plain connections, most
 * often just one, and pays for neither the pool nor Flyway unless the schema is behind.
 */
public final class Database implements AutoCloseable {
    private static final org.slf4j.Logger log = LoggerFactory.getLogger(Database.class);
    /** The newest migration under db/migration; DatabaseTest fails when a new one is added without raising it. */
    public static final String SCHEMA_VERSION = "5";

    static {
        // H2's object cache hashes every string bound to a statement (each entity's JSON, 1-2 KB) to share equal values
        // between rows; what the store binds rarely repeats, and a first sync spent a twentieth of its writes hashing
        if (System.getProperty("h2.objectCache") == null) {
            System.setProperty("h2.objectCache", "false");
        }
    }

    private final DataSource dataSource;
    private final AutoCloseable closer;
    private final DatabaseSettings settings;

    private Database(DataSource dataSource, AutoCloseable closer, DatabaseSettings settings) {
        this.dataSource = dataSource;
        this.closer = closer;
        this.settings = settings;
    }

    /** For `serve`: a pool shared by web requests, presses and the scheduler. */
    public static Database pooled(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setPoolName("mv-infra");
        config.setInitializationFailTimeout(DatabaseSettings.CONNECT_TIMEOUT_MILLIS);
        config.setConnectionTimeout(Math.max(250, DatabaseSettings.CONNECT_TIMEOUT_MILLIS));
        if (settings.isPostgres()) {
            // one multi-row INSERT per batch instead of one round trip per row
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            throw unavailable(settings, e);
        }
        Database database = new Database(dataSource, dataSource, settings);
        database.migrate();
        return database;
    }

    /** For a one-shot command: plain connections, kept open for reuse until the command ends. */
    public static Database plain(DatabaseSettings settings) {
        PlainConnections connections = new PlainConnections(settings);
        Database database = new Database(connections, connections, settings);
        try (Connection first = connections.getConnection()) {
            database.migrateIfBehind(first);
        } catch (SQLException e) {
            connections.close();
            throw unavailable(settings, e);
        } catch (RuntimeException e) {
            connections.close();
            throw e;
        }
        return database;
    }

    private void migrateIfBehind(Connection connection) {
        String current = null;
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" = TRUE AND \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC");
             ResultSet rs = st.executeQuery()) {
            current = rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            rollbackQuietly(connection); // PostgreSQL: the failed query aborted the transaction
        }
        if (!SCHEMA_VERSION.equals(current)) {
            migrate();
        }
    }

    private void migrate() {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        log.debug("database ready: {}", settings.jdbcUrl());
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // the connection is closed next anyway
        }
    }

    static StoreException unavailable(DatabaseSettings settings, Throwable e) {
        return new StoreException(StoreException.Kind.UNAVAILABLE, "cannot open the database " + settings.jdbcUrl() + ": " + rootMessage(e));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.toString() : t.getMessage();
        if (message.contains("Database may be already in use")) {
            return "it is in use by a process that does not share it (a host of an older version? stop it first)";
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
        try {
            closer.close();
        } catch (Exception e) {
            log.warn("closing the database: {}", e.toString());
        }
    }

    /**
     * Connections opened on demand and handed back rather than closed: a one-shot command mostly needs one, and one
     * more while a press reads an entity inside its transaction. No threads, no validation, no pool classes.
     */
    private static final class PlainConnections implements DataSource, AutoCloseable {
        private final DatabaseSettings settings;
        private final Deque<Connection> idle = new ArrayDeque<>();
        private final List<Connection> all = new ArrayList<>();

        PlainConnections(DatabaseSettings settings) {
            this.settings = settings;
        }

        @Override
        public synchronized Connection getConnection() throws SQLException {
            Connection physical = idle.poll();
            if (physical == null) {
                DriverManager.setLoginTimeout((int) Math.max(1, DatabaseSettings.CONNECT_TIMEOUT_MILLIS / 1000));
                java.util.Properties properties = new java.util.Properties();
                properties.setProperty("user", settings.user());
                properties.setProperty("password", settings.password());
                if (settings.isPostgres()) {
                    // as the pool does: one multi-row INSERT per batch, not one statement per row (a sync's 50 000 index rows)
                    properties.setProperty("reWriteBatchedInserts", "true");
                }
                physical = connect(settings.oneShotJdbcUrl(), properties);
                all.add(physical);
            }
            return new LentConnection(physical, this::giveBack);
        }

        /**
         * The embedded database through H2's driver itself: DriverManager would first load every driver on the class
         * path, PostgreSQL's some 13 ms of a one-shot command's start.
         */
        private static Connection connect(String url, java.util.Properties properties) throws SQLException {
            if (!url.startsWith("jdbc:h2:")) {
                return DriverManager.getConnection(url, properties);
            }
            Connection connection = new org.h2.Driver().connect(url, properties);
            if (connection == null) {
                throw new SQLException("H2 refused the URL " + url);
            }
            return connection;
        }

        private synchronized void giveBack(Connection physical) throws SQLException {
            if (physical.isClosed()) {
                all.remove(physical);
                return;
            }
            if (!physical.getAutoCommit()) {
                physical.rollback();
                physical.setAutoCommit(true);
            }
            idle.push(physical);
        }

        @Override
        public synchronized void close() {
            for (Connection c : all) {
                try {
                    c.close();
                } catch (SQLException e) {
                    log.warn("closing a connection: {}", e.toString());
                }
            }
            all.clear();
            idle.clear();
        }

        @Override
        public Connection getConnection(String username, String password) {
            throw new UnsupportedOperationException("the settings give the user");
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            // DriverManager logs nothing we need
        }

        @Override
        public void setLoginTimeout(int seconds) {
            // the settings give the timeout
        }

        @Override
        public int getLoginTimeout() {
            return (int) (DatabaseSettings.CONNECT_TIMEOUT_MILLIS / 1000);
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            if (iface.isInstance(this)) {
                return iface.cast(this);
            }
            throw new SQLException("not a wrapper for " + iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return iface.isInstance(this);
        }
    }
}
