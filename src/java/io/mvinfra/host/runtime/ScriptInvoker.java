package io.mvinfra.host.runtime;

import java.util.Map;
import java.util.function.Function;

import org.meveo.admin.exception.BusinessException;
import org.meveo.api.persistence.CrossStorageApi;
import org.meveo.model.scripts.ScriptTransactionType;
import org.meveo.service.script.Script;
import org.meveo.service.script.ScriptInterface;
import org.meveo.service.storage.RepositoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.mvinfra.host.module.ScriptTransactions;
import io.mvinfra.host.store.EntityStore;
import io.mvinfra.host.store.StoreException;
import io.mvinfra.host.store.StoreSession;
import io.mvinfra.storage.ModuleScript;

/**
 * Runs one script as Meveo does (init, execute, finalize, then postCommit or postRollback) on one store session,
 * in the transaction its script instance asks for ({@link ScriptTransactions}). SAME: one transaction, committed only
 * if the script succeeded, so a failure half-way leaves the entities as they were. MANUAL: the script gets a
 * {@code userTx} on the session and commits itself (what it made durable survives its failure); what it left
 * uncommitted is rolled back, as WildFly does at the end of Meveo's call.
 */
public final class ScriptInvoker {
    private static final Logger log = LoggerFactory.getLogger(ScriptInvoker.class);

    private final EntityStore store;
    private final ClassLoader scripts;
    private final Map<Class<?>, Object> beans;

    public ScriptInvoker(EntityStore store, ClassLoader scripts, Map<Class<?>, Object> extraBeans) {
        this.store = store;
        this.scripts = scripts;
        this.beans = Map.copyOf(extraBeans);
    }

    /** {@code changes}: what the scripts wrote, on a success (a failure keeps only what it made durable, not told). */
    public record Outcome(boolean success, String error, PressChanges changes) {
        public Outcome(boolean success, String error) {
            this(success, error, PressChanges.none());
        }
    }

    /** Runs the script; {@code prepare} may read entities through the run's storage before the script starts. */
    public Outcome run(String scriptClass, Map<String, Object> ctx, Function<HostCrossStorageApi, Outcome> prepare) {
        ScriptInterface script = instantiate(scriptClass);
        boolean manual = ScriptTransactions.of(script.getClass()) == ScriptTransactionType.MANUAL;
        try (StoreSession session = store.session()) {
            HostCrossStorageApi storage = new HostCrossStorageApi(session, store);
            HostRepositoryService repositories = new HostRepositoryService();
            Function<Class<?>, Object> resolver = type -> {
                if (type == CrossStorageApi.class) {
                    return storage;
                }
                if (type == RepositoryService.class) {
                    return repositories;
                }
                return beans.get(type);
            };
            try (AutoCloseable bound = Script.bindBeans(resolver)) {
                Outcome refused = prepare.apply(storage);
                if (refused != null) {
                    return refused;
                }
                ctx.putIfAbsent(Script.REPOSITORY, repositories.findDefaultRepository());
                if (manual) {
                    ctx.put(ModuleScript.USER_TRANSACTION, new HostUserTransaction(session));
                } else {
                    ctx.remove(ModuleScript.USER_TRANSACTION);
                }
                try {
                    script.init(ctx);
                    script.execute(ctx);
                    script.finalize(ctx);
                    if (manual) {
                        session.rollback();
                    } else {
                        session.commit();
                    }
                } catch (BusinessException e) {
                    session.rollback();
                    afterRollback(script, ctx);
                    return new Outcome(false, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                } catch (StoreException e) {
                    // the writes sent at the commit were refused (someone changed an entity meanwhile): the operator's to read
                    session.rollback();
                    afterRollback(script, ctx);
                    return new Outcome(false, e.getMessage());
                } catch (RuntimeException e) {
                    // as in Meveo, only a BusinessException is the script telling the operator why; anything else,
                    // a ProviderException a script forgot to turn into one included, is the script's own failure
                    session.rollback();
                    afterRollback(script, ctx);
                    log.error("script {} failed unexpectedly", scriptClass, e);
                    return new Outcome(false, "internal error in " + simpleName(scriptClass) + ": " + e);
                }
                if (script instanceof Script s) {
                    try {
                        s.postCommit(ctx);
                    } catch (RuntimeException e) {
                        log.warn("postCommit of {} failed: {}", scriptClass, e.toString());
                    }
                }
                return new Outcome(true, null, storage.changes());
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static void afterRollback(ScriptInterface script, Map<String, Object> ctx) {
        if (script instanceof Script s) {
            try {
                s.postRollback(ctx);
            } catch (RuntimeException e) {
                log.warn("postRollback of {} failed: {}", script.getClass().getName(), e.toString());
            }
        }
    }

    private ScriptInterface instantiate(String scriptClass) {
        try {
            return (ScriptInterface) Class.forName(scriptClass, true, scripts).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
            throw new HostException(HostException.Kind.FAILED, "cannot start script " + scriptClass + ": " + e);
        }
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
