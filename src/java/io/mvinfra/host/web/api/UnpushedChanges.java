package io.mvinfra.host.web.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mvinfra.host.module.EntityTemplate;
import io.mvinfra.host.module.FieldTemplate;
import io.mvinfra.host.store.FieldValues;
import io.mvinfra.host.store.StoreException.Violation;
import io.mvinfra.host.store.StoredEntity;
import io.mvinfra.sync.ProviderCopy;

/**
 * Which of an entity's editable fields differ from what the provider last answered ({@link ProviderCopy}, kept by
 * its buttons): {@code {provider: "Cloudflare", fields: ["ttl"]}}, or nothing when the entity has no copy (never at
 * the provider, or of a template that keeps none) or matches it. Only fields an operator edits count: what the
 * provider alone sets cannot be pushed. A field the copy leaves out was empty when the provider answered.
 */
final class UnpushedChanges {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private UnpushedChanges() {
    }

    static Optional<Map<String, Object>> of(EntityTemplate template, StoredEntity entity) {
        if (!(entity.value(ProviderCopy.FIELD) instanceof String text) || text.isBlank()) {
            return Optional.empty();
        }
        Map<String, Object> copy;
        try {
            copy = JSON.readValue(text, MAP);
        } catch (JsonProcessingException unreadable) {
            return Optional.empty();   // a copy written by hand is no reference point
        }
        Map<?, ?> answered = copy.get("fields") instanceof Map<?, ?> m ? m : Map.of();
        List<String> differing = new ArrayList<>();
        for (FieldTemplate f : template.fields()) {
            if (!f.allowEdit() || f.isSecret() || f.code().equals(ProviderCopy.FIELD)) {
                continue;
            }
            List<Violation> unreadable = new ArrayList<>();
            Object theirs = empty(FieldValues.canonical(f, answered.get(f.code()), unreadable));
            if (unreadable.isEmpty() && !Objects.equals(theirs, empty(entity.value(f.code())))) {
                differing.add(f.code());
            }
        }
        if (differing.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("provider", copy.get("provider") instanceof String p ? p : "the provider");
        out.put("fields", differing);
        return Optional.of(out);
    }

    /** An empty text or list is how a button clears a field: the same as no value. */
    private static Object empty(Object value) {
        if (value instanceof String s && s.isEmpty() || value instanceof Collection<?> c && c.isEmpty()) {
            return null;
        }
        return value;
    }
}
