package io.mvinfra.host.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import io.mvinfra.host.store.Database;
import io.mvinfra.host.store.StoreException;

/** Who pressed which button on what, when, how it ended and how long it took. Append-only. */
public final class AuditTrail {
    private static final int MESSAGE_LENGTH = 4000;
    private final Database database;

    public AuditTrail(Database database) {
        this.database = database;
    }

    public void record(AuditEntry e) {
        try (Connection c = database.connection();
             PreparedStatement st = c.prepareStatement("INSERT INTO audit_trail (at, username, action_code, cet_code, entity_uuid, outcome, message, duration_ms)"
                     + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            st.setTimestamp(1, Timestamp.from(e.at()));
            st.setString(2, e.user());
            st.setString(3, e.action());
            st.setString(4, e.entity());
            st.setString(5, e.entityUuid());
            st.setString(6, e.outcome().name());
            String message = e.message();
            st.setString(7, message != null && message.length() > MESSAGE_LENGTH ? message.substring(0, MESSAGE_LENGTH - 1) + "…" : message);
            st.setLong(8, e.durationMs());
            st.executeUpdate();
        } catch (SQLException ex) {
            throw new StoreException(StoreException.Kind.UNAVAILABLE, "cannot write the audit trail: " + ex.getMessage());
        }
    }

    /** Newest first; {@code entityUuid} null for all entities. */
    public List<AuditEntry> recent(String entityUuid, int offset, int limit) {
        String where = entityUuid == null ? "" : " WHERE entity_uuid = ?";
        try (Connection c = database.connection();
             PreparedStatement st = c.prepareStatement("SELECT id, at, username, action_code, cet_code, entity_uuid, outcome, message, duration_ms"
                     + " FROM audit_trail" + where + " ORDER BY id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
            int i = 1;
            if (entityUuid != null) {
                st.setString(i++, entityUuid);
            }
            st.setInt(i++, offset);
            st.setInt(i, limit);
            List<AuditEntry> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), AuditEntry.Outcome.valueOf(rs.getString(7)), rs.getString(8), rs.getLong(9)));
                }
            }
            return out;
        } catch (SQLException ex) {
            throw new StoreException(StoreException.Kind.UNAVAILABLE, "cannot read the audit trail: " + ex.getMessage());
        }
    }
}
