package io.mvinfra.host.store;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.mvinfra.host.module.EntityTemplate;
import io.mvinfra.host.module.FieldTemplate;
import io.mvinfra.host.module.FieldType;
import io.mvinfra.host.module.StorageType;

/**
 * What the store keeps beside an entity's JSON so it is found without reading every row, in two forms:
 * <ul>
 * <li>{@code entity_value} rows, one per value, for the fields looked up by value ({@code findBy}, {@code --where},
 * a script's {@code findAll}, what still references an entity): references, and fields the descriptors mark
 * {@code filter} or {@code unique}. A lookup on any other field still works, by reading the template's entities;</li>
 * <li>{@code entity.search_text}, every searchable value in one column, for the web search's "contains".</li>
 * </ul>
 * A DNS record has 5 looked-up values of 14 searchable: a first sync writes a third of the rows it used to.
 * <p>
 * Each row also holds its entity's {@link #scopeField scope}, and the lookup index is ordered by it before the value,
 * so the rows a sync of one zone writes land together rather than among every other zone's.
 */
final class EntityIndex {
    /** Longer values are neither indexed nor searched (as before: entity_value.val is VARCHAR(1000)). */
    static final int INDEXED_LENGTH = 1000;
    /** Between two values in search_text; never in a value nor in a search pattern, so no match spans two values. */
    static final char SEPARATOR = '\u001F';

    private EntityIndex() {
    }

    /** A value a search may find: not a secret (ciphertext), not a long text. */
    static boolean searchable(FieldTemplate f) {
        return !f.isSecret() && f.type() != FieldType.LONG_TEXT && f.type() != FieldType.TEXT_AREA;
    }

    /** A field with entity_value rows, so an equality lookup on it is an index lookup. */
    static boolean lookedUp(FieldTemplate f) {
        return searchable(f) && (f.isReference() || f.filter() || f.unique());
    }

    /**
     * The keys of {@code f}'s value that get entity_value rows. A flag's are its {@code true} only: the rows for
     * {@code false} (every record of a first sync is not missing at the provider) narrowed a lookup to most of the
     * template, while costing a fifth of a sync's index writes; what a flag is looked up for is the few set.
     */
    static Set<String> indexedKeys(FieldTemplate f, Object value) {
        Set<String> keys = keys(value);
        if (f.type() == FieldType.BOOLEAN) {
            keys.retainAll(Set.of("true"));
        }
        return keys;
    }

    /** Whether an equality lookup of {@code f} for {@code key} can be answered from entity_value rows. */
    static boolean answersLookup(FieldTemplate f, String key) {
        return key != null && lookedUp(f) && key.length() <= INDEXED_LENGTH && (f.type() != FieldType.BOOLEAN || key.equals("true"));
    }

    /**
     * The field whose value is a template's scope: its first single reference (a DNS record's zone, a server's
     * provider, a rule's security group), what its entities are listed and synced by. None without a reference.
     */
    static Optional<FieldTemplate> scopeField(EntityTemplate template) {
        return template.fields().stream().filter(f -> f.isReference() && f.storage() == StorageType.SINGLE).findFirst();
    }

    /** The scope of an entity with these values: the uuid its scope field holds, '' when it holds none. */
    static String scope(Optional<FieldTemplate> scopeField, Map<String, Object> values) {
        if (scopeField.isEmpty()) {
            return "";
        }
        String key = key(values.get(scopeField.get().code()));
        return key == null ? "" : key;
    }

    /**
     * What a template's index was built from; the store rebuilds it when the module's differs (a field newly marked
     * filter must not be looked up in rows that were never written).
     */
    static String policy(EntityTemplate template) {
        String flags = template.fields().stream().filter(f -> lookedUp(f) && f.type() == FieldType.BOOLEAN).map(FieldTemplate::code).sorted()
                .collect(Collectors.joining(","));
        return "lookup=" + codes(template, true) + ";search=" + codes(template, false) + (flags.isEmpty() ? "" : ";whenTrue=" + flags)
                + scopeField(template).map(f -> ";scope=" + f.code()).orElse("");
    }

    private static String codes(EntityTemplate template, boolean lookedUp) {
        return template.fields().stream().filter(f -> lookedUp ? lookedUp(f) : searchable(f)).map(FieldTemplate::code).sorted()
                .collect(Collectors.joining(","));
    }

    /** The keys of one field's value as they are indexed and compared: each once, none too long. */
    static Set<String> keys(Object value) {
        Set<String> keys = new LinkedHashSet<>();
        if (value != null) {
            for (Object scalar : scalars(value)) {
                String key = key(scalar);
                if (key != null && key.length() <= INDEXED_LENGTH) {
                    keys.add(key);
                }
            }
        }
        return keys;
    }

    /** A search text as the pattern of a case-insensitive "contains" ('!' escapes LIKE's wildcards). */
    static String containsPattern(String text) {
        return "%" + text.trim().toLowerCase(java.util.Locale.ROOT).replace(SEPARATOR, ' ')
                .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    static Collection<?> scalars(Object value) {
        if (value instanceof Collection<?> c) {
            return c;
        }
        if (value instanceof Map<?, ?> m) {
            return m.values();
        }
        return List.of(value);
    }

    /** A value as text, the same whether it comes from a script's POJO, the JSON or a command line. */
    static String key(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof org.meveo.model.CustomEntity e) {
            return e.getUuid();
        }
        if (value instanceof org.meveo.model.customEntities.CustomEntityInstance cei) {
            return cei.getUuid();
        }
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return Long.toString(d.longValue());
        }
        if (value instanceof Number n) {
            return n.toString();
        }
        return value.toString();
    }
}
