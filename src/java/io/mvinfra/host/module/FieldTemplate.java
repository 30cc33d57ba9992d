package io.mvinfra.host.module;

import java.util.Map;

/**
 * One custom field template (CFT). {@code maxValue} is a maximum length for text types and a maximum
 * for numbers, as in Meveo.
 */
public record FieldTemplate(
        String entity,
        String code,
        String description,
        FieldType type,
        StorageType storage,
        boolean required,
        String defaultValue,
        Map<String, String> listValues,
        String referencedEntity,
        Long maxValue,
        Long minValue,
        String regExp,
        boolean allowEdit,
        boolean hideOnNew,
        int tab,
        int position,
        boolean summary,
        boolean filter,
        boolean unique,
        String file) {

    public FieldTemplate {
        listValues = listValues == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(listValues));
    }

    public boolean isSecret() {
        return type == FieldType.SECRET;
    }

    public boolean isReference() {
        return type == FieldType.ENTITY;
    }
}
