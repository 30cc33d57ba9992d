package io.mvinfra.host.module;

import java.util.Map;

/** A Meveo ScriptingJob instance: which script runs, on which timer. */
public record JobDescriptor(String code, String description, String script, String timerCode, boolean active,
                            Map<String, String> variables, String file) {

    public JobDescriptor {
        variables = variables == null ? Map.of() : Map.copyOf(variables);
    }
}
