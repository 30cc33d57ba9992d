package io.mvinfra.host.runtime;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.BiFunction;

import io.mvinfra.host.store.DatabaseSettings;
import io.mvinfra.http.RateLimit;
import io.mvinfra.http.RateLimiter;

/**
 * Each credential's request slots booked in the PostgreSQL database that hosts share, so that together they keep
 * under its limit: the same sliding window as {@link RateLimiter} (at most {@code requests} slots in any window, each
 * caller booking the next free one), on the database's clock, one credential's bookings serialized by an advisory
 * lock. One connection of its own, so a press holding a pooled connection never waits for another to book a slot.
 */
public final class SharedRateLimits implements BiFunction<String, RateLimit, RateLimiter.Slots>, AutoCloseable {
    /** The advisory lock the table's creation is taken under: any number of our own, fixed. */
    private static final long SCHEMA_LOCK = 0x6d76696e667261L;

    private static final String NOW_MICROS = "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000000 AS BIGINT)";

    private final DatabaseSettings settings;
    private Connection connection;

    public SharedRateLimits(DatabaseSettings settings) {
        this.settings = settings;
    }

    @Override
    public RateLimiter.Slots apply(String key, RateLimit limit) {
        return maxWait -> reserve(key, limit, maxWait);
    }

    synchronized Duration reserve(String key, RateLimit limit, Duration maxWait) {
        try {
            Connection c = connection();
            try {
                long waitMicros = book(c, key, limit, maxWait);
                c.commit();
                return waitMicros < 0 ? null : Duration.ofNanos(waitMicros * 1000);
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            close();
            throw new IllegalStateException("the rate limit shared in the database could not be read: " + e.getMessage(), e);
        }
    }

    /** The wait in microseconds until the booked slot, or -1 (nothing booked) when it is beyond maxWait. */
    private static long book(Connection c, String key, RateLimit limit, Duration maxWait) throws SQLException {
        long windowMicros = limit.window().toNanos() / 1000;
        long now;
        try (PreparedStatement st = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?)), " + NOW_MICROS)) {
            st.setString(1, "mv-infra rate limit " + key);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                now = rs.getLong(2);
            }
        }
        long slot = now;
        try (PreparedStatement st = c.prepareStatement(
                "SELECT slot_micros FROM rate_limit_slot WHERE credential_key = ? ORDER BY slot_micros DESC OFFSET ? LIMIT 1")) {
            st.setString(1, key);
            st.setInt(2, limit.requests() - 1);
            try (ResultSet rs = st.executeQuery()) {
                if (rs.next()) {
                    slot = Math.max(now, rs.getLong(1) + windowMicros);   // the window's oldest slot must leave it first
                }
            }
        }
        if (slot - now > maxWait.toNanos() / 1000) {
            return -1;
        }
        try (PreparedStatement st = c.prepareStatement("INSERT INTO rate_limit_slot (credential_key, slot_micros) VALUES (?, ?)")) {
            st.setString(1, key);
            st.setLong(2, slot);
            st.executeUpdate();
        }
        // a slot older than a window can no longer hold anyone back
        try (PreparedStatement st = c.prepareStatement("DELETE FROM rate_limit_slot WHERE credential_key = ? AND slot_micros < ?")) {
            st.setString(1, key);
            st.setLong(2, now - windowMicros);
            st.executeUpdate();
        }
        return slot - now;
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement()) {
                // Two hosts starting at once would race CREATE … IF NOT EXISTS, which PostgreSQL then fails on its own
                // catalog ("type rate_limit_slot already exists"): one at a time, under a lock held until the commit.
                st.execute("SELECT pg_advisory_xact_lock(" + SCHEMA_LOCK + ")");
                st.execute("CREATE TABLE IF NOT EXISTS rate_limit_slot (credential_key VARCHAR(255) NOT NULL, slot_micros BIGINT NOT NULL)");
                st.execute("CREATE INDEX IF NOT EXISTS rate_limit_slot_by_key ON rate_limit_slot (credential_key, slot_micros)");
            }
            connection.commit();
        }
        return connection;
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing left to release
            }
            connection = null;
        }
    }
}
