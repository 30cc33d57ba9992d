package io.mvinfra.host.cli;

import java.io.PrintWriter;

import io.mvinfra.host.Host;
import io.mvinfra.host.module.EntityAction;

/**
 * A button whose descriptor says it destroys or replaces something at the provider ({@code confirm}) runs
 * only once the operator agreed: typed on a terminal (the entity's name when the descriptor asks for it),
 * or {@code --yes} when there is no terminal to ask on, so a script cannot delete by accident.
 */
final class Confirmation {
    private Confirmation() {
    }

    static boolean given(Host h, String cet, String code, String uuid, Invocation invocation, PrintWriter err) {
        EntityAction action = h.module().actionsOf(cet).stream().filter(a -> a.code().equals(code)).findFirst().orElse(null);
        if (action == null || action.confirmation().isEmpty()) {
            return true; // an unknown button is the runner's to refuse
        }
        String name = uuid == null ? null : h.store().inTransaction(s -> s.get(cet, uuid))
                .map(e -> h.module().entity(cet).orElseThrow().label(e.values(), e.uuid())).orElse(uuid);
        String what = action.label() + (name == null ? "" : " on " + name) + ": " + action.confirmation().get();
        if (!invocation.terminal()) {
            err.println("error: " + what + ". This cannot be undone: add --yes to go on.");
            return false;
        }
        boolean byName = action.confirmByName() && name != null;
        String expected = byName ? name : "yes";
        String answer = invocation.ask("%s. This cannot be undone.%nType %s to go on: ", what, byName ? "the name '" + name + "'" : "yes");
        if (answer != null && answer.trim().equals(expected)) {
            return true;
        }
        err.println("error: not confirmed, nothing was done");
        return false;
    }
}
