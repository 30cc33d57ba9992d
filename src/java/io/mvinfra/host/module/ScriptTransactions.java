package io.mvinfra.host.module;

import java.lang.reflect.Modifier;

import org.meveo.model.scripts.ScriptTransactionType;

import io.mvinfra.storage.ModuleScript;

/**
 * Which transaction a script runs in, one rule for the generated script instances (what Meveo reads) and the host:
 * the module's entry points (concrete {@link ModuleScript}s, buttons and jobs) are MANUAL, as they commit what they
 * make durable themselves; any other script shares its caller's transaction (SAME).
 */
public final class ScriptTransactions {

    private ScriptTransactions() {
    }

    public static ScriptTransactionType of(Class<?> script) {
        boolean entryPoint = ModuleScript.class.isAssignableFrom(script) && !Modifier.isAbstract(script.getModifiers())
                && !script.isInterface();
        return entryPoint ? ScriptTransactionType.MANUAL : ScriptTransactionType.SAME;
    }
}
