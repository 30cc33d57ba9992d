package io.mvinfra.host.cli;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.mvinfra.host.Host;
import io.mvinfra.host.module.EntityTemplate;
import io.mvinfra.host.module.FieldTemplate;
import io.mvinfra.host.runtime.HostException;
import io.mvinfra.host.store.StoredEntity;

/**
 * Lets an operator name an entity as people do: by its uuid, or by its {@code code} or {@code name} (a Server's
 * {@code instanceName}, the original module's code for it) when that is unique within its template
 * ({@code domainName=example.com}); and shows a reference by that name in tables.
 */
final class References {
    private static final List<String> NAMING_FIELDS = List.of("code", "name", "instanceName");

    private final Host host;
    private final Map<String, String> labels = new HashMap<>();

    References(Host host) {
        this.host = host;
    }

    /** The uuid of the {@code cet} entity that {@code key} names; an unknown key is returned as is, for the store to refuse. */
    String uuid(String cet, String key) {
        if (key == null || key.isEmpty() || host.store().get(cet, key).isPresent()) {
            return key;
        }
        EntityTemplate template = EntityCommand.template(host, cet);
        for (String field : NAMING_FIELDS) {
            Optional<FieldTemplate> naming = template.field(field);
            if (naming.isEmpty() || naming.get().isSecret()) {
                continue;
            }
            List<StoredEntity> found = host.store().findBy(cet, Map.of(field, key));
            if (found.size() == 1) {
                return found.get(0).uuid();
            }
            if (found.size() > 1) {
                throw new HostException(HostException.Kind.BAD_INPUT, field + " " + key + " names " + found.size() + " " + cet + " entities ("
                        + String.join(", ", found.stream().map(StoredEntity::uuid).toList()) + "): give the uuid");
            }
        }
        return key;
    }

    /** The assignments with each reference field's value resolved to a uuid. */
    Map<String, Object> resolve(String cet, Map<String, Object> assignments) {
        EntityTemplate template = EntityCommand.template(host, cet);
        Map<String, Object> out = new LinkedHashMap<>(assignments);
        out.replaceAll((code, value) -> template.field(code).filter(FieldTemplate::isReference).filter(f -> f.referencedEntity() != null)
                .<Object>map(f -> uuid(f.referencedEntity(), value.toString())).orElse(value));
        return out;
    }

    /** How a table shows a field's value: a reference by the referenced entity's code or name, when it has one. */
    String text(FieldTemplate field, Object value) {
        if (!field.isReference() || value == null || field.referencedEntity() == null) {
            return Output.text(value);
        }
        return labels.computeIfAbsent(value.toString(), uuid -> host.store().get(field.referencedEntity(), uuid)
                .map(e -> NAMING_FIELDS.stream().map(e::value).filter(v -> v != null && !v.toString().isBlank()).map(Object::toString)
                        .findFirst().orElse(uuid))
                .orElse(uuid));
    }
}
