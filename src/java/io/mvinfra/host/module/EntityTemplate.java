package io.mvinfra.host.module;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** One custom entity template (CET) with its fields in GUI order. */
public record EntityTemplate(String code, String name, String description, String category, List<FieldTemplate> fields, String file) {

    public EntityTemplate {
        fields = List.copyOf(fields);
    }

    public Optional<FieldTemplate> field(String code) {
        return fields.stream().filter(f -> f.code().equals(code)).findFirst();
    }

    public Map<String, FieldTemplate> fieldsByCode() {
        return fields.stream().collect(Collectors.toMap(FieldTemplate::code, Function.identity()));
    }
}
