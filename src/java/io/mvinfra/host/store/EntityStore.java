package io.mvinfra.host.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.mvinfra.host.module.Module;

/**
 * Entities of the module's templates, validated against their field templates on every write. Each
 * method runs in its own transaction; {@link #session()} groups several writes into one (a button press).
 */
public final class EntityStore {
    private final Database database;
    private final Module module;
    private final SecretCipher cipher;
    private final SaveCheck saveCheck;

    public EntityStore(Database database, Module module, SecretCipher cipher) {
        this(database, module, cipher, SaveCheck.NONE);
    }

    public EntityStore(Database database, Module module, SecretCipher cipher, SaveCheck saveCheck) {
        this.database = database;
        this.module = module;
        this.cipher = cipher;
        this.saveCheck = saveCheck;
    }

    public Module module() {
        return module;
    }

    /** A unit of work on one connection: commit or rollback, then close. */
    public StoreSession session() {
        try {
            Connection connection = database.connection();
            connection.setAutoCommit(false);
            return new StoreSession(connection, module, cipher);
        } catch (SQLException e) {
            throw new StoreException(StoreException.Kind.UNAVAILABLE, "database unavailable: " + e.getMessage());
        }
    }

    /** Brings the stored index in line with the module's descriptors (see {@link StoreSession#alignIndex}). */
    public List<String> alignIndex() {
        try {
            return inTransaction(StoreSession::alignIndex);
        } catch (StoreException e) {
            // two hosts of a cluster opening at once on a new policy: the second's insert of the same policy row fails
            // once the first has committed, and by then there is nothing left for it to do
            return inTransaction(StoreSession::alignIndex);
        }
    }

    public <T> T inTransaction(Function<StoreSession, T> work) {
        try (StoreSession session = session()) {
            T result = work.apply(session);
            session.commit();
            return result;
        }
    }

    public StoredEntity create(String cet, Map<String, ?> values) {
        return inTransaction(s -> s.create(cet, values));
    }

    public List<StoredEntity> createAll(String cet, List<? extends Map<String, ?>> values) {
        return inTransaction(s -> s.createAll(cet, values));
    }

    public StoredEntity update(String cet, String uuid, Long expectedVersion, Map<String, ?> changes) {
        return inTransaction(s -> s.update(cet, uuid, expectedVersion, changes));
    }

    /**
     * A create as an operator makes it (web page, JSON API, CLI): the field templates, then the {@link SaveCheck}.
     * Scripts save through a press's session and are not held to it: the button checked its entity before acting.
     */
    public StoredEntity createChecked(String cet, Map<String, ?> values) {
        return inTransaction(s -> checked(s, s.create(cet, values)));
    }

    /** An update as an operator makes it: the field templates, then the {@link SaveCheck} on the merged entity. */
    public StoredEntity updateChecked(String cet, String uuid, Long expectedVersion, Map<String, ?> changes) {
        return inTransaction(s -> checked(s, s.update(cet, uuid, expectedVersion, changes)));
    }

    private StoredEntity checked(StoreSession session, StoredEntity saved) {
        List<StoreException.Violation> violations = saveCheck.check(session, saved);
        if (!violations.isEmpty()) {
            throw new StoreException(violations);   // the session closes uncommitted: nothing was written
        }
        return saved;
    }

    public void delete(String cet, String uuid, Long expectedVersion) {
        inTransaction(s -> {
            s.delete(cet, uuid, expectedVersion);
            return null;
        });
    }

    public Optional<StoredEntity> get(String cet, String uuid) {
        return inTransaction(s -> s.get(cet, uuid));
    }

    public StoredEntity require(String cet, String uuid) {
        return get(cet, uuid).orElseThrow(() -> new StoreException(StoreException.Kind.NOT_FOUND, "no " + cet + " with uuid " + uuid));
    }

    public List<StoredEntity> list(String cet, int offset, int limit) {
        return inTransaction(s -> s.list(cet, offset, limit));
    }

    public List<StoredEntity> listAfter(String cet, StoredEntity after, int limit) {
        return inTransaction(s -> s.listAfter(cet, after, limit));
    }

    public long count(String cet) {
        return inTransaction(s -> s.count(cet));
    }

    public List<StoredEntity> findBy(String cet, Map<String, ?> filters) {
        return inTransaction(s -> s.findBy(cet, filters));
    }

    /** The values with secrets decrypted: for scripts only, never for display. */
    public Map<String, Object> reveal(StoredEntity entity) {
        return StoreSession.reveal(entity, cipher);
    }
}
