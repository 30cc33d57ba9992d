package io.mvinfra.host.module;

import java.util.Map;

/** A button (entity custom action): the script it runs and when it shows. */
public record EntityAction(
        String code,
        String entity,
        String label,
        String description,
        String script,
        String applicableOnEl,
        Map<String, String> scriptParameters,
        boolean applicableToEntityInstance,
        boolean applicableToEntityList,
        int position,
        String file) {

    public EntityAction {
        scriptParameters = scriptParameters == null ? Map.of() : Map.copyOf(scriptParameters);
    }
}
