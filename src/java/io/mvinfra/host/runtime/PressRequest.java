package io.mvinfra.host.runtime;

import java.util.Map;
import java.util.function.Consumer;

/**
 * A button press: which button, on which entity, by whom, with which extra parameters (e.g. dryRun), and who wants
 * the script's progress lines while it runs ({@code progress}, null when nobody watches).
 */
public record PressRequest(String entity, String action, String uuid, String user, Map<String, Object> parameters, Consumer<String> progress) {
    /** The button-level parameter every create/update/delete script reads to send nothing. */
    public static final String DRY_RUN = "dryRun";

    public PressRequest {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    public PressRequest(String entity, String action, String uuid, String user, Map<String, Object> parameters) {
        this(entity, action, uuid, user, parameters, null);
    }

    public PressRequest withProgress(Consumer<String> listener) {
        return new PressRequest(entity, action, uuid, user, parameters, listener);
    }
}
