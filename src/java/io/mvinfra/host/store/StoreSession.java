package io.mvinfra.host.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.LoggerFactory;


import io.mvinfra.host.module.EntityTemplate;
import io.mvinfra.host.module.FieldTemplate;
import io.mvinfra.host.module.FieldType;
import io.mvinfra.host.module.Module;
import io.mvinfra.host.store.StoreException.Kind;
import io.mvinfra.host.store.StoreException.Violation;

/**
 * One transaction on the entity tables. Not thread-safe: one press, one session.
 * <p>
 * A create or an update is validated when it is made (a script sees its error at its save call), and written later,
 * in JDBC batches: before any read that could miss it (a list, a count, a search or a find of its template, a
 * delete), at every {@link #PENDING_AT_MOST} pending writes, and at a commit. A read of one entity by uuid is served
 * from the pending write itself. So a list button creating 10 000 entities sends a few batches, not 20 000 statements.
 */
public final class StoreSession implements AutoCloseable {
    /** Enough for a batch to pay; bounds what a long press holds in memory. */
    private static final int PENDING_AT_MOST = 2000;
    /** A rebuild of an index over fewer entities takes under a second and goes unsaid. */
    private static final long SAID_FROM = 5000;
    /** The columns {@link #read} takes, in its order. */
    private static final String COLUMNS = "uuid, cet_code, version, fields, created_at, updated_at";
    private static final String E_COLUMNS = "e.uuid, e.cet_code, e.version, e.fields, e.created_at, e.updated_at";
    /** Any searchable value (or the uuid) of the entity contains the text; '!' escapes LIKE's wildcards. */
    private static final String SEARCH = "e.cet_code = ? AND (LOWER(e.uuid) LIKE ? ESCAPE '!' OR LOWER(e.search_text) LIKE ? ESCAPE '!')";

    private final Connection connection;
    private final Module module;
    private final SecretCipher cipher;
    /** Entities this transaction has seen exist (uuid → template): a reference to one needs no second look. */
    private final Map<String, String> known = new HashMap<>();
    /** Validated writes not sent yet, by uuid, in the order they were made (a create then an update stays one insert). */
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private final Set<String> pendingTemplates = new HashSet<>();
    private final Map<String, Map<String, FieldTemplate>> fieldsByTemplate = new HashMap<>();
    private boolean done;

    /** An entity as it is to be written; {@code written} is its row in the database, null when it is not there yet. */
    private record Pending(EntityTemplate template, StoredEntity entity, StoredEntity written) {
        boolean isInsert() {
            return written == null;
        }

        long writtenVersion() {
            return written.version();
        }

        IndexRows.Change indexChange() {
            return new IndexRows.Change(template, entity.uuid(), isInsert() ? Map.of() : written.values(), entity.values());
        }
    }

    StoreSession(Connection connection, Module module, SecretCipher cipher) {
        this.connection = connection;
        this.module = module;
        this.cipher = cipher;
    }

    public StoredEntity create(String cet, Map<String, ?> input) {
        return createAll(cet, List.of(input)).get(0);
    }

    public List<StoredEntity> createAll(String cet, List<? extends Map<String, ?>> inputs) {
        EntityTemplate template = template(cet);
        List<StoredEntity> created = new ArrayList<>(inputs.size());
        Instant now = now();
        for (Map<String, ?> input : inputs) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (FieldTemplate f : template.fields()) {
                if (f.defaultValue() != null && !input.containsKey(f.code())) {
                    values.put(f.code(), f.defaultValue());
                }
            }
            values.putAll(input);
            String uuid = FieldValues.newEntityUuid(cet, input.get("uuid"), TimeOrderedUuid::next);
            values.remove("uuid");
            created.add(new StoredEntity(uuid, cet, 1, validated(template, uuid, values, Map.of()), now, now));
        }
        checkReferences(template, created);
        refuseExisting(cet, inputs, created);
        created.forEach(e -> defer(new Pending(template, e, null)));
        return created;
    }

    public StoredEntity update(String cet, String uuid, Long expectedVersion, Map<String, ?> changes) {
        EntityTemplate template = template(cet);
        StoredEntity current = get(cet, uuid).orElseThrow(() -> notFound(cet, uuid));
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw stale(cet, uuid, expectedVersion, current.version());
        }
        Map<String, Object> merged = new LinkedHashMap<>(current.values());
        Map<String, Object> changed = new LinkedHashMap<>(changes);
        changed.remove("uuid");
        for (Map.Entry<String, Object> change : changed.entrySet()) {
            FieldTemplate f = template.field(change.getKey()).orElse(null);
            if (f != null && f.isSecret() && StoredEntity.MASK.equals(change.getValue())) {
                continue; // the mask shown to a user coming back means "unchanged"
            }
            merged.put(change.getKey(), change.getValue());
        }
        Map<String, Object> values = validated(template, uuid, merged, current.values());
        StoredEntity updated = new StoredEntity(uuid, cet, current.version() + 1, values, current.createdAt(), now());
        checkReferences(template, List.of(updated));
        Pending before = pending.get(uuid);
        defer(new Pending(template, updated, before != null ? before.written() : current));
        return updated;
    }

    public void delete(String cet, String uuid, Long expectedVersion) {
        EntityTemplate template = template(cet);
        flush();
        StoredEntity current = get(cet, uuid).orElseThrow(() -> notFound(cet, uuid));
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw stale(cet, uuid, expectedVersion, current.version());
        }
        List<String> referrers = referrers(cet, uuid);
        if (!referrers.isEmpty()) {
            throw new StoreException(Kind.IN_USE, cet + " " + uuid + " is still referenced by " + String.join(", ", referrers)
                    + ": delete or re-point them first");
        }
        sql("delete " + cet, () -> {
            try (PreparedStatement st = connection.prepareStatement("DELETE FROM entity WHERE uuid = ? AND version = ?")) {
                st.setString(1, uuid);
                st.setLong(2, current.version());
                if (st.executeUpdate() == 0) {
                    throw stale(cet, uuid, current.version(), -1);
                }
            }
            IndexRows.write(connection, List.of(new IndexRows.Change(template, uuid, current.values(), Map.of())));
            return null;
        });
        known.remove(uuid);
    }

    public Optional<StoredEntity> get(String cet, String uuid) {
        EntityTemplate template = template(cet);
        Pending p = pending.get(uuid);
        if (p != null) {
            return p.entity().cet().equals(cet) ? Optional.of(p.entity()) : Optional.empty();
        }
        return sql("read " + cet, () -> {
            try (PreparedStatement st = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM entity WHERE uuid = ?")) {
                st.setString(1, uuid);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next() || !rs.getString(2).equals(cet)) {
                        return Optional.<StoredEntity>empty();
                    }
                    return Optional.of(read(template, rs));
                }
            }
        });
    }

    /** The template of the entity with this uuid, whatever it is. */
    public Optional<String> templateOf(String uuid) {
        if (pending.containsKey(uuid)) {
            return Optional.of(pending.get(uuid).entity().cet());
        }
        return sql("read", () -> {
            try (PreparedStatement st = connection.prepareStatement("SELECT cet_code FROM entity WHERE uuid = ?")) {
                st.setString(1, uuid);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    public List<StoredEntity> list(String cet, int offset, int limit) {
        EntityTemplate template = template(cet);
        flushBeforeReading(cet);
        return sql("list " + cet, () -> {
            try (PreparedStatement st = connection.prepareStatement("SELECT " + COLUMNS + " FROM entity"
                    + " WHERE cet_code = ? ORDER BY cet_code, created_at, uuid OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
                st.setString(1, cet);
                st.setInt(2, offset);
                st.setInt(3, limit);
                st.setFetchSize(Math.min(limit, 1000));
                return readAll(template, st);
            }
        });
    }

    /** The page after {@code after} (null: the first), in creation order: constant cost per page however deep. */
    public List<StoredEntity> listAfter(String cet, StoredEntity after, int limit) {
        EntityTemplate template = template(cet);
        flushBeforeReading(cet);
        // a row-value comparison, so the (cet_code, created_at, uuid) index serves both the range and the order
        String keyset = after == null ? "" : " AND (created_at, uuid) > (?, ?)";
        return sql("list " + cet, () -> {
            try (PreparedStatement st = connection.prepareStatement("SELECT " + COLUMNS + " FROM entity"
                    + " WHERE cet_code = ?" + keyset + " ORDER BY cet_code, created_at, uuid FETCH FIRST ? ROWS ONLY")) {
                int i = 1;
                st.setString(i++, cet);
                if (after != null) {
                    st.setTimestamp(i++, Timestamp.from(after.createdAt()));
                    st.setString(i++, after.uuid());
                }
                st.setInt(i, limit);
                st.setFetchSize(Math.min(limit, 1000));
                return readAll(template, st);
            }
        });
    }

    public long count(String cet) {
        template(cet);
        flushBeforeReading(cet);
        return sql("count " + cet, () -> {
            try (PreparedStatement st = connection.prepareStatement("SELECT COUNT(*) FROM entity WHERE cet_code = ?")) {
                st.setString(1, cet);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /**
     * Entities of a template with a field value containing {@code text}, ignoring case, in list order.
     * Searches {@code search_text} (see {@link EntityIndex}): never secrets (their ciphertext is not indexed), nor
     * long texts. A blank text lists everything.
     */
    public List<StoredEntity> search(String cet, String text, int offset, int limit) {
        if (text == null || text.isBlank()) {
            return list(cet, offset, limit);
        }
        EntityTemplate template = template(cet);
        flushBeforeReading(cet);
        return sql("search " + cet, () -> {
            try (PreparedStatement st = connection.prepareStatement("SELECT " + E_COLUMNS
                    + " FROM entity e WHERE " + SEARCH + " ORDER BY e.created_at, e.uuid OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
                int i = bindSearch(st, cet, text);
                st.setInt(i++, offset);
                st.setInt(i, limit);
                return readAll(template, st);
            }
        });
    }

    /** How many entities {@link #search} finds in all. */
    public long countMatching(String cet, String text) {
        if (text == null || text.isBlank()) {
            return count(cet);
        }
        template(cet);
        flushBeforeReading(cet);
        return sql("count " + cet, () -> {
            try (PreparedStatement st = connection.prepareStatement("SELECT COUNT(*) FROM entity e WHERE " + SEARCH)) {
                bindSearch(st, cet, text);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private static int bindSearch(PreparedStatement st, String cet, String text) throws SQLException {
        String pattern = EntityIndex.containsPattern(text);
        st.setString(1, cet);
        st.setString(2, pattern);
        st.setString(3, pattern);
        return 4;
    }

    /**
     * Entities whose fields equal the given values (a list field matches when it contains the value).
     * Indexed fields narrow in SQL; every filter is then checked on the decoded entity.
     */
    public List<StoredEntity> findBy(String cet, Map<String, ?> filters) {
        EntityTemplate template = template(cet);
        flushBeforeReading(cet);
        Map<String, String> indexed = new LinkedHashMap<>();
        for (Map.Entry<String, ?> f : filters.entrySet()) {
            FieldTemplate field = template.field(f.getKey()).orElseThrow(() -> new StoreException(List.of(unknownField(template, f.getKey()))));
            String key = EntityIndex.key(f.getValue());
            if (EntityIndex.answersLookup(field, key)) {
                indexed.put(f.getKey(), key);
            }
        }
        // one join per indexed filter, driven by the (cet_code, field, scope, val) index: the index holds a value once per entity
        Scope scope = indexed.isEmpty() ? null : Scope.of(template, filters);
        StringBuilder q = new StringBuilder("SELECT " + E_COLUMNS + " FROM entity e");
        for (int j = 0; j < indexed.size(); j++) {
            String v = "v" + j;
            q.append(" JOIN entity_value ").append(v).append(" ON ").append(v).append(".uuid = e.uuid AND ").append(v).append(".cet_code = ? AND ")
                    .append(v).append(".field = ? AND ").append(v).append(".scope").append(scope.condition()).append(" AND ").append(v).append(".val = ?");
        }
        // with a join, its cet_code already picks the template, and e is reached by primary key; a second
        // condition on e.cet_code would lead H2 to scan the template's creation-order index instead
        q.append(indexed.isEmpty() ? " WHERE e.cet_code = ?" : "").append(" ORDER BY e.created_at, e.uuid");
        List<StoredEntity> candidates = sql("find " + cet, () -> {
            try (PreparedStatement st = connection.prepareStatement(q.toString())) {
                int i = 1;
                for (Map.Entry<String, String> f : indexed.entrySet()) {
                    st.setString(i++, cet);
                    st.setString(i++, f.getKey());
                    i = scope.bind(st, i);
                    st.setString(i++, f.getValue());
                }
                if (indexed.isEmpty()) {
                    st.setString(i, cet);
                }
                return readAll(template, st);
            }
        });
        return candidates.stream().filter(e -> filters.entrySet().stream().allMatch(f -> matches(template.field(f.getKey()).get(), e, f.getValue()))).toList();
    }

    private boolean matches(FieldTemplate field, StoredEntity entity, Object wanted) {
        Object value = entity.values().get(field.code());
        if (field.isSecret() && value != null) {
            value = cipher.decrypt((String) value, entity.uuid(), field.code());
        }
        String key = EntityIndex.key(wanted);
        if (key == null) {
            return value == null;
        }
        if (value instanceof Collection<?> c) {
            return c.stream().anyMatch(v -> key.equals(EntityIndex.key(v)));
        }
        if (value instanceof Map<?, ?> m) {
            return m.values().stream().anyMatch(v -> key.equals(EntityIndex.key(v)));
        }
        return key.equals(EntityIndex.key(value));
    }

    /**
     * Rebuilds the index of every template whose indexed fields differ from those it was built with (a module upgrade
     * marking a field filter, or the first open after migration V3); returns the templates rebuilt. Nothing to do costs
     * one read of a small table.
     */
    public List<String> alignIndex() {
        Map<String, String> built = sql("read the index policy", () -> {
            Map<String, String> out = new HashMap<>();
            try (PreparedStatement st = connection.prepareStatement("SELECT cet_code, fields FROM entity_index_policy");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        });
        List<String> rebuilt = new ArrayList<>();
        for (EntityTemplate template : module.entities().values()) {
            String wanted = EntityIndex.policy(template);
            if (!wanted.equals(built.get(template.code()))) {
                reindex(template, wanted, built.containsKey(template.code()));
                rebuilt.add(template.code());
            }
        }
        return rebuilt;
    }

    private void reindex(EntityTemplate template, String policy, boolean hadPolicy) {
        flush();
        String cet = template.code();
        long entities = count(cet);
        if (entities >= SAID_FROM) {
            // about 0.2 s per 1 000 entities, once: a command that pauses says why
            LoggerFactory.getLogger(StoreSession.class).warn("rebuilding the lookup index of {} ({} entities) for this version of the"
                    + " module or of mv-infra: once", cet, entities);
        }
        sql("rebuild the index of " + cet, () -> {
            try (PreparedStatement st = connection.prepareStatement("DELETE FROM entity_value WHERE cet_code = ?")) {
                st.setString(1, cet);
                st.executeUpdate();
            }
            StoredEntity after = null;
            for (List<StoredEntity> page = listAfter(cet, null, PENDING_AT_MOST); !page.isEmpty(); page = listAfter(cet, after, PENDING_AT_MOST)) {
                try (PreparedStatement st = connection.prepareStatement("UPDATE entity SET search_text = ? WHERE uuid = ?")) {
                    for (StoredEntity e : page) {
                        st.setString(1, EntityRow.of(fieldsOf(template), e.values()).searchText());
                        st.setString(2, e.uuid());
                        st.addBatch();
                    }
                    st.executeBatch();
                }
                IndexRows.write(connection, page.stream().map(e -> new IndexRows.Change(template, e.uuid(), Map.of(), e.values())).toList());
                after = page.get(page.size() - 1);
            }
            try (PreparedStatement st = connection.prepareStatement(hadPolicy
                    ? "UPDATE entity_index_policy SET fields = ? WHERE cet_code = ?" : "INSERT INTO entity_index_policy (fields, cet_code) VALUES (?, ?)")) {
                st.setString(1, policy);
                st.setString(2, cet);
                st.executeUpdate();
            }
            return null;
        });
    }

    public void commit() {
        flush();
        sql("commit", () -> {
            connection.commit();
            return null;
        });
        done = true;
    }

    /** Commits what was written so far and goes on in a new transaction: what a script made durable mid-press. */
    public void commitSoFar() {
        flush();
        sql("commit", () -> {
            connection.commit();
            return null;
        });
    }

    /** Rolls back what was written since the last commit and goes on; entities seen since may be gone again. */
    public void rollbackSoFar() {
        discardPending();
        sql("rollback", () -> {
            connection.rollback();
            return null;
        });
        known.clear();
    }

    public void rollback() {
        discardPending();
        if (!done) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the connection is going back to the pool; Hikari resets it
            }
            done = true;
        }
    }

    @Override
    public void close() {
        rollback();
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing left to release
        }
    }

    /** Sends every pending write: entity rows, then the index rows they add or remove, each kind in one batch. */
    public void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<Pending> writes = List.copyOf(pending.values());
        discardPending();
        sql("write " + String.join(", ", new TreeSet<>(writes.stream().map(p -> p.entity().cet()).toList())), () -> {
            insertRows(writes.stream().filter(Pending::isInsert).toList());
            updateRows(writes.stream().filter(p -> !p.isInsert()).toList());
            IndexRows.write(connection, writes.stream().map(Pending::indexChange).toList());
            return null;
        });
    }

    private void defer(Pending write) {
        pending.put(write.entity().uuid(), write);
        pendingTemplates.add(write.entity().cet());
        known.put(write.entity().uuid(), write.entity().cet());
        if (pending.size() >= PENDING_AT_MOST) {
            flush();
        }
    }

    private void flushBeforeReading(String cet) {
        if (pendingTemplates.contains(cet)) {
            flush();
        }
    }

    private void discardPending() {
        pending.clear();
        pendingTemplates.clear();
    }

    /** A create given its own uuid is refused at once, as the database would refuse it at the write. */
    private void refuseExisting(String cet, List<? extends Map<String, ?>> inputs, List<StoredEntity> created) {
        List<String> given = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i).get("uuid") instanceof String u && !u.isBlank()) {
                String uuid = created.get(i).uuid();
                if (!seen.add(uuid) || pending.containsKey(uuid)) {
                    throw alreadyExists(cet);
                }
                given.add(uuid);
            }
        }
        if (!given.isEmpty() && !existing(given).isEmpty()) {
            throw alreadyExists(cet);
        }
    }

    private static StoreException alreadyExists(String cet) {
        return new StoreException(Kind.INVALID, cet + ": an entity with this uuid already exists");
    }

    /** Which of these uuids the database holds, with their templates. */
    private Map<String, String> existing(List<String> uuids) {
        Map<String, String> found = new HashMap<>();
        for (int from = 0; from < uuids.size(); from += 500) {
            List<String> chunk = uuids.subList(from, Math.min(uuids.size(), from + 500));
            sql("check references", () -> {
                String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement st = connection.prepareStatement("SELECT uuid, cet_code FROM entity WHERE uuid IN (" + marks + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        st.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            found.put(rs.getString(1), rs.getString(2));
                        }
                    }
                }
                return null;
            });
        }
        return found;
    }

    private void insertRows(List<Pending> inserts) throws SQLException {
        if (inserts.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO entity (uuid, cet_code, version, fields, created_at, updated_at, search_text) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (Pending p : inserts) {
                StoredEntity e = p.entity();
                insert.setString(1, e.uuid());
                insert.setString(2, e.cet());
                insert.setLong(3, e.version());
                EntityRow row = EntityRow.of(fieldsOf(p.template()), e.values());
                insert.setString(4, row.json());
                insert.setTimestamp(5, Timestamp.from(e.createdAt()));
                insert.setTimestamp(6, Timestamp.from(e.updatedAt()));
                insert.setString(7, row.searchText());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                throw alreadyExists(inserts.get(0).entity().cet());
            }
            throw e;
        }
    }

    /** Each update only if the row is still at the version it was read at; else someone changed it meanwhile. */
    private void updateRows(List<Pending> updates) throws SQLException {
        if (updates.isEmpty()) {
            return;
        }
        try (PreparedStatement st = connection.prepareStatement(
                "UPDATE entity SET fields = ?, version = ?, updated_at = ?, search_text = ? WHERE uuid = ? AND version = ?")) {
            for (Pending p : updates) {
                StoredEntity e = p.entity();
                EntityRow row = EntityRow.of(fieldsOf(p.template()), e.values());
                st.setString(1, row.json());
                st.setLong(2, e.version());
                st.setTimestamp(3, Timestamp.from(e.updatedAt()));
                st.setString(4, row.searchText());
                st.setString(5, e.uuid());
                st.setLong(6, p.writtenVersion());
                st.addBatch();
            }
            int[] counts = st.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    Pending p = updates.get(i);
                    throw stale(p.entity().cet(), p.entity().uuid(), p.writtenVersion(), -1);
                }
            }
        }
    }

    static Map<String, Object> reveal(StoredEntity entity, SecretCipher cipher) {
        Map<String, Object> out = new LinkedHashMap<>();
        entity.values().forEach((k, v) -> out.put(k, SecretCipher.isCiphertext(v) ? cipher.decrypt((String) v, entity.uuid(), k) : v));
        return out;
    }

    private Map<String, Object> validated(EntityTemplate template, String uuid, Map<String, Object> input, Map<String, Object> previous) {
        List<Violation> violations = new ArrayList<>();
        Map<String, FieldTemplate> fields = fieldsOf(template);
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : input.entrySet()) {
            FieldTemplate field = fields.get(e.getKey());
            if (field == null) {
                violations.add(unknownField(template, e.getKey()));
                continue;
            }
            Object raw = e.getValue();
            if (field.isSecret() && SecretCipher.isCiphertext(raw) && Objects.equals(previous.get(field.code()), raw)) {
                out.put(field.code(), raw);
                continue;
            }
            Object value = FieldValues.canonical(field, raw, violations);
            if (value != null) {
                out.put(field.code(), field.isSecret() ? cipher.encrypt((String) value, uuid, field.code()) : value);
            }
        }
        for (FieldTemplate field : template.fields()) {
            if (field.required() && out.get(field.code()) == null) {
                violations.add(FieldValues.violation(field, "valueRequired", "is required"));
            }
        }
        if (!violations.isEmpty()) {
            throw new StoreException(violations);
        }
        return out;
    }

    private void checkReferences(EntityTemplate template, List<StoredEntity> entities) {
        Map<String, Set<String>> wanted = new HashMap<>();
        for (StoredEntity e : entities) {
            for (FieldTemplate f : template.fields()) {
                if (f.isReference() && e.values().get(f.code()) != null) {
                    for (Object ref : EntityIndex.scalars(e.values().get(f.code()))) {
                        wanted.computeIfAbsent((String) ref, k -> new HashSet<>()).add(f.code());
                    }
                }
            }
        }
        if (wanted.isEmpty()) {
            return;
        }
        Map<String, String> found = new HashMap<>();
        List<String> uuids = new ArrayList<>();
        for (String uuid : wanted.keySet()) {
            if (known.containsKey(uuid)) {
                found.put(uuid, known.get(uuid));
            } else {
                uuids.add(uuid);
            }
        }
        found.putAll(existing(uuids));
        known.putAll(found);
        // entities created in this same batch may reference each other
        entities.forEach(e -> found.putIfAbsent(e.uuid(), e.cet()));
        List<Violation> violations = new ArrayList<>();
        Map<String, FieldTemplate> fields = fieldsOf(template);
        wanted.forEach((uuid, codes) -> codes.forEach(code -> {
            FieldTemplate f = fields.get(code);
            String cet = found.get(uuid);
            if (cet == null) {
                violations.add(FieldValues.violation(f, "entityClazz", "references " + f.referencedEntity() + " " + uuid + ", which does not exist"));
            } else if (!cet.equals(f.referencedEntity())) {
                violations.add(FieldValues.violation(f, "entityClazz", "must reference a " + f.referencedEntity() + ", " + uuid + " is a " + cet));
            }
        }));
        if (!violations.isEmpty()) {
            throw new StoreException(violations);
        }
    }

    private List<String> referrers(String cet, String uuid) {
        Map<FieldTemplate, EntityTemplate> pointing = new LinkedHashMap<>();
        module.entities().values().forEach(t -> t.fields().stream().filter(f -> cet.equals(f.referencedEntity())).forEach(f -> pointing.put(f, t)));
        return sql("referrers", () -> {
            List<String> out = new ArrayList<>();
            for (Map.Entry<FieldTemplate, EntityTemplate> pointer : pointing.entrySet()) {
                FieldTemplate f = pointer.getKey();
                EntityTemplate referring = pointer.getValue();
                Scope scope = Scope.of(referring, Map.of(f.code(), uuid));
                try (PreparedStatement st = connection.prepareStatement(
                        "SELECT COUNT(*) FROM entity_value WHERE cet_code = ? AND field = ? AND scope" + scope.condition() + " AND val = ?")) {
                    st.setString(1, referring.code());
                    st.setString(2, f.code());
                    st.setString(scope.bind(st, 3), uuid);
                    try (ResultSet rs = st.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            out.add(rs.getLong(1) + " " + referring.code() + " (" + f.code() + ")");
                        }
                    }
                }
            }
            return out;
        });
    }

    /**
     * Which scopes of a template a lookup reads (see {@link EntityIndex#scopeField}): the one its filters name when
     * they name the scope field, else any its scope field can point at (an entity of the referenced template, or none).
     */
    private record Scope(String condition, String parameter) {
        static Scope of(EntityTemplate template, Map<String, ?> filters) {
            Optional<FieldTemplate> field = EntityIndex.scopeField(template);
            if (field.isEmpty()) {
                return new Scope(" = ''", null);
            }
            if (filters.containsKey(field.get().code())) {
                String key = EntityIndex.key(filters.get(field.get().code()));
                return key == null ? new Scope(" = ''", null) : new Scope(" = ?", key);
            }
            return new Scope(" IN (SELECT uuid FROM entity WHERE cet_code = ? UNION ALL SELECT '')", field.get().referencedEntity());
        }

        /** Binds the condition's parameter, if it has one, at {@code index}; the next index. */
        int bind(PreparedStatement st, int index) throws SQLException {
            if (parameter == null) {
                return index;
            }
            st.setString(index, parameter);
            return index + 1;
        }
    }

    private static Violation unknownField(EntityTemplate template, String code) {
        String what = code.isBlank() ? "a field name is empty (\"" + code + "\"): name one of the fields" : "no such field in " + template.code();
        return new Violation(template.code(), code, "unknown", what
                + " (fields: " + String.join(", ", template.fields().stream().map(FieldTemplate::code).toList()) + ")");
    }

    private List<StoredEntity> readAll(EntityTemplate template, PreparedStatement st) throws SQLException {
        List<StoredEntity> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(read(template, rs));
            }
        }
        return out;
    }

    private StoredEntity read(EntityTemplate template, ResultSet rs) throws SQLException {
        Map<String, Object> raw = EntityJson.read(rs.getString(4));
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, FieldTemplate> fields = fieldsOf(template);
        raw.forEach((code, v) -> {
            FieldTemplate f = fields.get(code);
            // a field removed from the descriptors since: keep its value readable, never drop it silently
            values.put(code, f == null || f.isSecret() ? v : decode(f, v));
        });
        return new StoredEntity(rs.getString(1), rs.getString(2), rs.getLong(3), values,
                rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant());
    }

    private static Object decode(FieldTemplate field, Object stored) {
        if (stored instanceof List<?> list) {
            return list.stream().map(v -> decodeScalar(field, v)).toList();
        }
        if (stored instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), decodeScalar(field, v)));
            return out;
        }
        return decodeScalar(field, stored);
    }

    private static Object decodeScalar(FieldTemplate field, Object v) {
        if (v == null) {
            return null;
        }
        return switch (field.type()) {
            case LONG -> ((Number) v).longValue();
            case DOUBLE -> ((Number) v).doubleValue();
            case DATE -> InstantText.parse((String) v);
            default -> v;
        };
    }

    /** A template's fields by code, built once per session: validating or reading each of 10 000 entities needs it. */
    private Map<String, FieldTemplate> fieldsOf(EntityTemplate template) {
        return fieldsByTemplate.computeIfAbsent(template.code(), code -> template.fieldsByCode());
    }

    private EntityTemplate template(String cet) {
        return module.entity(cet).orElseThrow(() -> new StoreException(Kind.INVALID,
                "unknown entity template " + cet + " (known: " + String.join(", ", module.entities().keySet()) + ")"));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static StoreException notFound(String cet, String uuid) {
        return new StoreException(Kind.NOT_FOUND, "no " + cet + " with uuid " + uuid);
    }

    private static StoreException stale(String cet, String uuid, long expected, long actual) {
        return new StoreException(Kind.STALE, cet + " " + uuid + " was changed by someone else (you had version " + expected
                + (actual > 0 ? ", it is now " + actual : "") + "): reload it and apply your change again");
    }

    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    private <T> T sql(String what, SqlWork<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new StoreException(Kind.UNAVAILABLE, what + " failed: " + reason(e));
        }
    }

    /** One line: H2 appends the SQL statement, which says nothing to an operator. */
    private static String reason(SQLException e) {
        // H2 LOCK_TIMEOUT_1, PostgreSQL lock_not_available
        if (e.getErrorCode() == 50200 || "55P03".equals(e.getSQLState())) {
            return "another process holds a lock on it and did not release it in time (a press or an edit in `serve`?); try again";
        }
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
