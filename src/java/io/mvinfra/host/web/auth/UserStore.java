package io.mvinfra.host.web.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.mvinfra.host.runtime.HostException;
import io.mvinfra.host.store.Database;
import io.mvinfra.host.store.StoreException;

/** The web admin's users, in the host's database. Passwords are kept only as PBKDF2 hashes. */
public final class UserStore {
    public static final int MIN_PASSWORD_LENGTH = 12;
    private static final int MAX_PASSWORD_LENGTH = 1024;
    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9._@-]{1,64}$");

    /** A user as the store reveals it: never the hash. */
    public record User(String name, Instant createdAt, Instant passwordChangedAt) {
    }

    private final Database database;
    private final PasswordHasher hasher;
    // verified when the user name is unknown, so a wrong name costs the same time as a wrong password
    private volatile String decoy;

    public UserStore(Database database, PasswordHasher hasher) {
        this.database = database;
        this.hasher = hasher;
    }

    public User add(String name, char[] password) {
        checkName(name);
        checkPassword(password);
        if (find(name).isPresent()) {
            throw new HostException(HostException.Kind.BAD_INPUT, "user " + name + " already exists (use `user passwd " + name + "`)");
        }
        Instant now = now();
        sql("add user", c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO web_user (username, password_hash, created_at, password_changed_at) VALUES (?, ?, ?, ?)")) {
                st.setString(1, name);
                st.setString(2, hasher.hash(password));
                st.setTimestamp(3, Timestamp.from(now));
                st.setTimestamp(4, Timestamp.from(now));
                st.executeUpdate();
            }
            return null;
        });
        return new User(name, now, now);
    }

    public void changePassword(String name, char[] password) {
        checkPassword(password);
        if (!storeHash(name, hasher.hash(password))) {
            throw new HostException(HostException.Kind.BAD_INPUT, "no user " + name);
        }
    }

    public void remove(String name) {
        int removed = sql("remove user", c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM web_user WHERE username = ?")) {
                st.setString(1, name);
                return st.executeUpdate();
            }
        });
        if (removed == 0) {
            throw new HostException(HostException.Kind.BAD_INPUT, "no user " + name);
        }
    }

    public List<User> list() {
        return sql("list users", c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT username, created_at, password_changed_at FROM web_user ORDER BY username");
                 ResultSet rs = st.executeQuery()) {
                List<User> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new User(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()));
                }
                return out;
            }
        });
    }

    public Optional<User> find(String name) {
        return row(name).map(r -> r.user);
    }

    /** The user, if the password is theirs. Upgrades a hash made with fewer iterations than today's. */
    public Optional<User> authenticate(String name, char[] password) {
        Optional<Row> row = name == null || !NAME.matcher(name).matches() ? Optional.empty() : row(name);
        if (row.isEmpty()) {
            hasher.verify(password, decoy());
            return Optional.empty();
        }
        if (!hasher.verify(password, row.get().hash)) {
            return Optional.empty();
        }
        if (hasher.needsRehash(row.get().hash)) {
            storeHashKeepingStamp(name, hasher.hash(password));
        }
        return Optional.of(row.get().user);
    }

    private record Row(User user, String hash) {
    }

    private Optional<Row> row(String name) {
        return sql("read user", c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT username, created_at, password_changed_at, password_hash FROM web_user WHERE username = ?")) {
                st.setString(1, name);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(new Row(new User(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()),
                            rs.getString(4))) : Optional.<Row>empty();
                }
            }
        });
    }

    private boolean storeHash(String name, String hash) {
        return sql("change password", c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE web_user SET password_hash = ?, password_changed_at = ? WHERE username = ?")) {
                st.setString(1, hash);
                st.setTimestamp(2, Timestamp.from(now()));
                st.setString(3, name);
                return st.executeUpdate() == 1;
            }
        });
    }

    private void storeHashKeepingStamp(String name, String hash) {
        sql("upgrade password hash", c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE web_user SET password_hash = ? WHERE username = ?")) {
                st.setString(1, hash);
                st.setString(2, name);
                return st.executeUpdate();
            }
        });
    }

    private String decoy() {
        if (decoy == null) {
            decoy = hasher.hash("decoy password, never anybody's".toCharArray());
        }
        return decoy;
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new HostException(HostException.Kind.BAD_INPUT, "a user name is 1 to 64 letters, digits, '.', '_', '@' or '-'");
        }
    }

    private static void checkPassword(char[] password) {
        if (password == null || password.length < MIN_PASSWORD_LENGTH) {
            throw new HostException(HostException.Kind.BAD_INPUT, "the password must be at least " + MIN_PASSWORD_LENGTH + " characters long");
        }
        if (password.length > MAX_PASSWORD_LENGTH) {
            throw new HostException(HostException.Kind.BAD_INPUT, "the password must be at most " + MAX_PASSWORD_LENGTH + " characters long");
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T sql(String what, SqlWork<T> work) {
        try (Connection c = database.connection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(StoreException.Kind.UNAVAILABLE, "cannot " + what + ": " + e.getMessage());
        }
    }
}
