package io.mvinfra.host.module;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A loaded, validated module: everything the host knows about entities, buttons and jobs. */
public record Module(
        String code,
        String version,
        String description,
        String location,
        Map<String, String> categories,
        Map<String, EntityTemplate> entities,
        Map<String, List<EntityAction>> actions,
        Map<String, JobDescriptor> jobs,
        Map<String, TimerDescriptor> timers) {

    public Optional<EntityTemplate> entity(String code) {
        return Optional.ofNullable(entities.get(code));
    }

    public List<EntityAction> actionsOf(String entity) {
        return actions.getOrDefault(entity, List.of());
    }

    public Optional<EntityAction> action(String entity, String code) {
        return actionsOf(entity).stream().filter(a -> a.code().equals(code)).findFirst();
    }

    public int actionCount() {
        return actions.values().stream().mapToInt(Collection::size).sum();
    }

    public int fieldCount() {
        return entities.values().stream().mapToInt(e -> e.fields().size()).sum();
    }
}
