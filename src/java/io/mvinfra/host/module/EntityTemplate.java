package io.mvinfra.host.module;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** One custom entity template (CET) with its fields in GUI order. */
public record EntityTemplate(String code, String name, String description, String category, List<FieldTemplate> fields, String file) {
    /** Fields that name an entity better than whatever comes first among its summary fields. */
    private static final List<String> NAMING_FIELDS = List.of("name", "code", "instanceName");

    public EntityTemplate {
        fields = List.copyOf(fields);
    }

    public Optional<FieldTemplate> field(String code) {
        return fields.stream().filter(f -> f.code().equals(code)).findFirst();
    }

    /** A short human name: its name or code field, else its first summary text, else the start of its uuid. */
    public String label(Map<String, Object> values, String uuid) {
        for (String naming : NAMING_FIELDS) {
            if (values.get(naming) instanceof String s && !s.isBlank() && field(naming).filter(f -> !f.isSecret()).isPresent()) {
                return s;
            }
        }
        for (FieldTemplate f : fields) {
            if (f.summary() && (f.type() == FieldType.STRING || f.type() == FieldType.LIST) && values.get(f.code()) instanceof String s && !s.isBlank()) {
                return s;
            }
        }
        return uuid.substring(0, Math.min(8, uuid.length()));
    }

    public Map<String, FieldTemplate> fieldsByCode() {
        return fields.stream().collect(Collectors.toMap(FieldTemplate::code, Function.identity()));
    }
}
