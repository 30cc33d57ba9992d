package io.mvinfra.storage;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.transaction.HeuristicMixedException;
import javax.transaction.HeuristicRollbackException;
import javax.transaction.NotSupportedException;
import javax.transaction.RollbackException;
import javax.transaction.Status;
import javax.transaction.SystemException;
import javax.transaction.UserTransaction;

import org.meveo.admin.exception.BusinessException;
import org.meveo.api.exception.EntityDoesNotExistsException;
import org.meveo.api.persistence.CrossStorageApi;
import org.meveo.model.storage.Repository;
import org.meveo.service.script.Script;
import org.meveo.service.storage.RepositoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.mvinfra.http.ProviderException;

/**
 * Every entry point of the module (buttons and jobs): its transaction, its provider errors told to the operator, and
 * what it does with entities (find, follow references, save, remove).
 *
 * <p>The module's entry points are script instances of {@code transactionType} MANUAL: Meveo starts no transaction
 * and hands the script a {@link UserTransaction} under {@value #USER_TRANSACTION}. {@link #execute} begins it, runs
 * the work and commits, or rolls back on any failure; {@link #saveDurably} commits at once what the provider now holds,
 * so a later failure of the same press cannot erase it. Run without a {@code userTx} (SAME), the caller's transaction
 * holds everything and {@link #saveDurably} is a plain save.
 */
public abstract class ModuleScript extends Script {
    private static final Logger log = LoggerFactory.getLogger(ModuleScript.class);

    /** Meveo's key for the UserTransaction of a MANUAL script (ScriptInstanceExecutor#executeManualTx). */
    public static final String USER_TRANSACTION = "userTx";
    /**
     * Where a runtime that shows a press while it runs puts a {@code Consumer<String>} for its progress lines. Meveo
     * puts none: there the lines go to the log (and, for a server action, into its ServerAction, saved durably).
     */
    public static final String PROGRESS_LISTENER = "PROGRESS_LISTENER";

    private CrossStorageApi storage;
    private Repository repository;
    /** The transaction this script began on Meveo's {@code userTx}; null when the caller's transaction is used. */
    private UserTransaction transaction;

    /**
     * Runs {@link #run} in its own transaction when Meveo gave one. A {@link ProviderException} let through becomes
     * the operator's message in the provider's words, here once for every script, so the outcome does not depend
     * on the runtime.
     */
    @Override
    public final void execute(Map<String, Object> ctx) throws BusinessException {
        begin(ctx.get(USER_TRANSACTION));
        try {
            run(ctx);
        } catch (ProviderException e) {
            rollback();
            throw refusal(e);
        } catch (BusinessException | RuntimeException | Error e) {
            rollback();
            throw e;
        }
        commit();
    }

    /** The script's work. Whatever it throws rolls back what it wrote since its last {@link #saveDurably}. */
    protected abstract void run(Map<String, Object> ctx) throws BusinessException;

    /**
     * Saves a fact the provider now holds (the id of what it created, how far a server action got) and commits it
     * with everything written before, so it survives a later failure of this press: the next press then finds the
     * server instead of creating a second one. The work goes on in a new transaction.
     */
    protected String saveDurably(Object pojo) throws BusinessException {
        String uuid = save(pojo);
        UserTransaction open = transaction;
        if (open != null) {
            commit();
            begin(open);
        }
        return uuid;
    }

    /** A line saying how far a long press got ({@code waiting for running: 40 s of 300 s}), shown while it runs. */
    @SuppressWarnings("unchecked")
    protected void progress(Map<String, Object> ctx, String line) {
        log.info("{}: {}", getClass().getSimpleName(), line);
        if (ctx.get(PROGRESS_LISTENER) instanceof Consumer<?> listener) {
            ((Consumer<String>) listener).accept(line);
        }
    }

    /**
     * A provider's refusal as the operator reads it, in the provider's own words with its codes and request id:
     * {@code Cloudflare refused the request (HTTP 400, 9005): Content for A record is invalid. [request id …]}.
     */
    private static BusinessException refusal(ProviderException e) {
        String message = e.getMessage();
        return new BusinessException(message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1), e);
    }

    private void begin(Object userTx) throws BusinessException {
        transaction = null;
        if (!(userTx instanceof UserTransaction tx)) {
            return;
        }
        try {
            if (tx.getStatus() == Status.STATUS_NO_TRANSACTION) {
                tx.begin();
                transaction = tx;
            }
        } catch (NotSupportedException | SystemException e) {
            throw new BusinessException("Could not begin a transaction: " + e.getMessage(), e);
        }
    }

    private void commit() throws BusinessException {
        if (transaction == null) {
            return;
        }
        try {
            transaction.commit();
        } catch (RollbackException | HeuristicMixedException | HeuristicRollbackException | SystemException e) {
            throw new BusinessException("Could not save what this script wrote: " + e.getMessage(), e);
        } finally {
            transaction = null;
        }
    }

    private void rollback() {
        if (transaction == null) {
            return;
        }
        try {
            transaction.rollback();
        } catch (SystemException | RuntimeException e) {
            log.warn("rollback of {} failed: {}", getClass().getName(), e.toString());
        } finally {
            transaction = null;
        }
    }

    protected <T> T find(String uuid, Class<T> type) throws EntityDoesNotExistsException {
        return storage().find(repository(), uuid, type);
    }

    /** Follows a reference: the POJO a reference field holds carries only the uuid. */
    protected <T extends org.meveo.model.CustomEntity> T resolve(T reference, Class<T> type, String what) throws BusinessException {
        if (reference == null || reference.getUuid() == null) {
            throw new BusinessException(what + " is not set");
        }
        try {
            return storage().find(repository(), reference.getUuid(), type);
        } catch (EntityDoesNotExistsException e) {
            throw new BusinessException(what + " " + reference.getUuid() + " does not exist any more");
        }
    }

    protected <T> List<T> findAll(Class<T> type, String field, Object value) {
        return storage().find(repository(), type).by(field, value).getResults();
    }

    protected String save(Object pojo) throws BusinessException {
        return storage().createOrUpdate(repository(), pojo);
    }

    protected void remove(String uuid, Class<?> type) throws BusinessException {
        storage().remove(repository(), uuid, type);
    }

    protected CrossStorageApi storage() {
        if (storage == null) {
            storage = getCDIBean(CrossStorageApi.class);
        }
        return storage;
    }

    protected Repository repository() {
        if (repository == null) {
            repository = getCDIBean(RepositoryService.class).findDefaultRepository();
        }
        return repository;
    }
}
