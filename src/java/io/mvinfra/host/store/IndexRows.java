package io.mvinfra.host.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.mvinfra.host.module.EntityTemplate;
import io.mvinfra.host.module.FieldTemplate;

/**
 * Keeps the {@code entity_value} rows (see {@link EntityIndex}) in step with entity writes, sending only the rows a
 * write adds or removes: an update that changes no looked-up field (a re-sync's usual update: a TTL, a comment, the
 * sync date) deletes and inserts none, where it used to delete and re-insert all of them. An entity moved to another
 * scope (a record re-pointed to another zone) moves all its rows.
 */
final class IndexRows {
    /** Rows per executeBatch: a sync's 50 000 rows go in a few round trips without one huge batch held by the driver. */
    private static final int BATCH = 5000;

    /** One entity's values before and after a write: empty before for a new entity, empty after for a deleted one. */
    record Change(EntityTemplate template, String uuid, Map<String, Object> before, Map<String, Object> after) {
    }

    private record Row(String cet, String field, String scope, String val, String uuid) {
    }

    private IndexRows() {
    }

    static void write(Connection connection, List<Change> changes) throws SQLException {
        List<Row> added = new ArrayList<>();
        List<Row> removed = new ArrayList<>();
        Map<EntityTemplate, Optional<FieldTemplate>> scopeFields = new IdentityHashMap<>();
        for (Change change : changes) {
            Optional<FieldTemplate> scopeField = scopeFields.computeIfAbsent(change.template(), EntityIndex::scopeField);
            String scopeBefore = EntityIndex.scope(scopeField, change.before());
            String scopeAfter = EntityIndex.scope(scopeField, change.after());
            boolean moved = !scopeBefore.equals(scopeAfter);
            for (FieldTemplate f : change.template().fields()) {
                if (!EntityIndex.lookedUp(f)) {
                    continue;
                }
                Set<String> before = EntityIndex.indexedKeys(f, change.before().get(f.code()));
                Set<String> after = EntityIndex.indexedKeys(f, change.after().get(f.code()));
                for (String key : after) {
                    if (moved || !before.contains(key)) {
                        added.add(new Row(change.template().code(), f.code(), scopeAfter, key, change.uuid()));
                    }
                }
                for (String key : before) {
                    if (moved || !after.contains(key)) {
                        removed.add(new Row(change.template().code(), f.code(), scopeBefore, key, change.uuid()));
                    }
                }
            }
        }
        send(connection, "DELETE FROM entity_value WHERE cet_code = ? AND field = ? AND scope = ? AND val = ? AND uuid = ?", removed);
        send(connection, "INSERT INTO entity_value (cet_code, field, scope, val, uuid) VALUES (?, ?, ?, ?, ?)", added);
    }

    private static void send(Connection connection, String sql, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            int batched = 0;
            for (Row row : rows) {
                st.setString(1, row.cet());
                st.setString(2, row.field());
                st.setString(3, row.scope());
                st.setString(4, row.val());
                st.setString(5, row.uuid());
                st.addBatch();
                if (++batched % BATCH == 0) {
                    st.executeBatch();
                }
            }
            if (batched % BATCH != 0) {
                st.executeBatch();
            }
        }
    }
}
