package io.mvinfra.host.module;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A button (entity custom action): the script it runs and when it shows.
 *
 * <p>Meveo's import keeps only its own keys, so what a runtime must know beyond them travels as
 * {@code scriptParameters} (which Meveo keeps, and hands to the script as harmless extra context):
 * {@code confirm}, a plain sentence saying what the press destroys or replaces at the provider, makes the
 * web page and the CLI ask first; {@code confirmByName: "#{true}"} makes the page ask for the entity's name
 * to be typed. The other parameters, but {@code dryRun}, are the ones an operator gives.
 */
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

    public static final String CONFIRM = "confirm";
    public static final String CONFIRM_BY_NAME = "confirmByName";
    static final List<String> NOT_GIVEN_BY_OPERATOR = List.of(CONFIRM, CONFIRM_BY_NAME, "dryRun");

    public EntityAction {
        scriptParameters = scriptParameters == null ? Map.of() : Map.copyOf(scriptParameters);
    }

    /** What the press destroys or replaces, when it does: the operator is asked before it runs. */
    public Optional<String> confirmation() {
        return Optional.ofNullable(scriptParameters.get(CONFIRM)).filter(s -> !s.isBlank());
    }

    public boolean confirmByName() {
        return confirmation().isPresent() && "#{true}".equals(scriptParameters.get(CONFIRM_BY_NAME));
    }

    /** The parameters an operator gives, in the descriptor's order: what a press form asks for. */
    public List<String> operatorParameters() {
        return scriptParameters.keySet().stream().filter(p -> !NOT_GIVEN_BY_OPERATOR.contains(p)).sorted().toList();
    }
}
