package io.mvinfra.host.runtime;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.api.exception.EntityDoesNotExistsException;
import org.meveo.api.persistence.CrossStorageApi;
import org.meveo.api.persistence.CrossStorageRequest;
import org.meveo.model.customEntities.CustomEntityInstance;
import org.meveo.model.persistence.CEIUtils;
import org.meveo.model.storage.Repository;

import io.mvinfra.host.store.EntityStore;
import io.mvinfra.host.store.StoreException;
import io.mvinfra.host.store.StoreSession;
import io.mvinfra.host.store.StoredEntity;

/**
 * The storage API as one script run sees it: every read and write goes through the run's transaction,
 * and an entity read during the run is written back only if nobody changed it meanwhile.
 * A null POJO property means "leave as is"; an empty string clears a field.
 */
public final class HostCrossStorageApi extends CrossStorageApi {
    private final StoreSession session;
    private final EntityStore store;
    private final Map<String, Long> versionsRead = new HashMap<>();
    private final PressChanges changes = new PressChanges();

    public HostCrossStorageApi(StoreSession session, EntityStore store) {
        this.session = session;
        this.store = store;
    }

    @Override
    public <T> T find(Repository repository, String uuid, Class<T> type) throws EntityDoesNotExistsException {
        String cet = type == CustomEntityInstance.class
                ? session.templateOf(uuid).orElseThrow(() -> new EntityDoesNotExistsException("no entity with uuid " + uuid))
                : type.getSimpleName();
        StoredEntity entity;
        try {
            entity = session.get(cet, uuid).orElseThrow(() -> new EntityDoesNotExistsException(cet, uuid));
        } catch (StoreException e) {
            throw new EntityDoesNotExistsException(e.getMessage());
        }
        return convert(entity, type);
    }

    @Override
    public <T> CrossStorageRequest<T> find(Repository repository, Class<T> type) {
        if (type == CustomEntityInstance.class) {
            throw new IllegalArgumentException("find(repository, Class) needs an entity template POJO class, not CustomEntityInstance");
        }
        return new CrossStorageRequest<>(type, request -> session.findBy(type.getSimpleName(), request.getFilters()).stream()
                .map(e -> convert(e, type)).toList());
    }

    /** Reads an entity for the runner and remembers its version, as a script's read would. */
    public CustomEntityInstance read(StoredEntity entity) {
        return convert(entity, CustomEntityInstance.class);
    }

    @Override
    public String createOrUpdate(Repository repository, Object value) throws BusinessException {
        CustomEntityInstance cei = value instanceof CustomEntityInstance c ? c : CEIUtils.pojoToCei(value);
        String cet = cei.getCetCode();
        Map<String, Object> values = new LinkedHashMap<>(cei.getCfValuesAsValues());
        try {
            String uuid = cei.getUuid();
            if (uuid == null || session.get(cet, uuid).isEmpty()) {
                if (uuid != null) {
                    values.put("uuid", uuid);
                }
                StoredEntity created = session.create(cet, values);
                versionsRead.put(created.uuid(), created.version());
                changes.record(PressChanges.Kind.CREATED, cet, created.uuid(), label(created));
                return created.uuid();
            }
            StoredEntity updated = session.update(cet, uuid, versionsRead.get(uuid), values);
            versionsRead.put(uuid, updated.version());
            changes.record(PressChanges.Kind.UPDATED, cet, uuid, label(updated));
            return uuid;
        } catch (StoreException e) {
            throw new BusinessException(e.getMessage());
        }
    }

    @Override
    public void remove(Repository repository, String uuid, Class<?> type) throws BusinessException {
        remove(repository, uuid, type.getSimpleName());
    }

    @Override
    public void remove(Repository repository, String uuid, String cetCode) throws BusinessException {
        try {
            String label = session.get(cetCode, uuid).map(this::label).orElse(uuid);
            session.delete(cetCode, uuid, versionsRead.get(uuid));
            versionsRead.remove(uuid);
            changes.record(PressChanges.Kind.DELETED, cetCode, uuid, label);
        } catch (StoreException e) {
            throw new BusinessException(e.getMessage());
        }
    }

    /** What the run's scripts wrote so far (all of it is kept once the press succeeded). */
    public PressChanges changes() {
        return changes;
    }

    private String label(StoredEntity entity) {
        return store.module().entity(entity.cet()).map(t -> t.label(entity.values(), entity.uuid())).orElse(entity.uuid());
    }

    private <T> T convert(StoredEntity entity, Class<T> type) {
        versionsRead.putIfAbsent(entity.uuid(), entity.version());
        CustomEntityInstance cei = new CustomEntityInstance();
        cei.setUuid(entity.uuid());
        cei.setCetCode(entity.cet());
        store.reveal(entity).forEach(cei::setCfValue);
        Object code = entity.values().get("code");
        cei.setCode(code == null ? entity.uuid() : code.toString());
        if (type == CustomEntityInstance.class) {
            return type.cast(cei);
        }
        return CEIUtils.ceiToPojo(cei, type);
    }
}
