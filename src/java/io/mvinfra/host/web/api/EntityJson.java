package io.mvinfra.host.web.api;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.mvinfra.host.module.EntityTemplate;
import io.mvinfra.host.module.FieldTemplate;
import io.mvinfra.host.store.StoreSession;
import io.mvinfra.host.store.StoredEntity;

/**
 * An entity as the API shows it. Field values come from {@link StoredEntity#masked()} only: a secret is
 * {@code "******"} when set and absent when not, never its value. A reference is the referenced uuid; the
 * {@code references} map beside it gives each referenced entity's template and label for display.
 */
final class EntityJson {
    private EntityJson() {
    }

    static Map<String, Object> of(EntityTemplate template, StoredEntity e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("uuid", e.uuid());
        out.put("entity", e.cet());
        out.put("version", e.version());
        out.put("label", label(template, e));
        out.put("createdAt", e.createdAt());
        out.put("updatedAt", e.updatedAt());
        out.put("fields", e.masked());
        UnpushedChanges.of(template, e).ifPresent(unpushed -> out.put("unpushed", unpushed));
        return out;
    }

    static String label(EntityTemplate template, StoredEntity e) {
        return template.label(e.values(), e.uuid());
    }

    /** uuid → {entity, label} for every entity the given ones reference, read in the caller's transaction. */
    static Map<String, Map<String, String>> references(StoreSession session, Map<String, EntityTemplate> templates,
                                                       Collection<StoredEntity> entities) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (StoredEntity e : entities) {
            EntityTemplate template = templates.get(e.cet());
            for (FieldTemplate f : template.fields()) {
                if (!f.isReference() || e.value(f.code()) == null) {
                    continue;
                }
                for (Object ref : values(e.value(f.code()))) {
                    String uuid = ref.toString();
                    if (!out.containsKey(uuid)) {
                        EntityTemplate target = templates.get(f.referencedEntity());
                        out.put(uuid, session.get(f.referencedEntity(), uuid)
                                .map(r -> Map.of("entity", r.cet(), "label", label(target, r)))
                                .orElse(Map.of("entity", f.referencedEntity(), "label", "(deleted) " + uuid)));
                    }
                }
            }
        }
        return out;
    }

    private static Collection<?> values(Object value) {
        if (value instanceof Collection<?> c) {
            return c;
        }
        if (value instanceof Map<?, ?> m) {
            return m.values();
        }
        return Set.of(value);
    }
}
