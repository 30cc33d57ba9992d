package io.mvinfra.host.runtime;

import java.util.Map;

/** A button press: which button, on which entity, by whom, with which extra parameters (e.g. dryRun). */
public record PressRequest(String entity, String action, String uuid, String user, Map<String, Object> parameters) {
    /** The button-level parameter every create/update/delete script reads to send nothing. */
    public static final String DRY_RUN = "dryRun";

    public PressRequest {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
}
