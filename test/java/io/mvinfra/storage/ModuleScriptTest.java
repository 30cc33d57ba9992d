package io.mvinfra.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.transaction.Status;
import javax.transaction.UserTransaction;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meveo.admin.exception.BusinessException;
import org.meveo.api.persistence.CrossStorageApi;
import org.meveo.api.persistence.CrossStorageRequest;
import org.meveo.model.storage.Repository;
import org.meveo.service.script.Script;
import org.meveo.service.storage.RepositoryService;

import io.mvinfra.http.ProviderException;
import io.mvinfra.http.ProviderException.Kind;

/** A module script as Meveo drives it: MANUAL with a {@code userTx} in the context, or in the caller's transaction. */
class ModuleScriptTest {

    private final List<String> events = new ArrayList<>();
    private AutoCloseable beans;

    /** Saves a fact durably, then a detail, then fails the way it is told to. */
    static final class CreateThenWait extends ModuleScript {
        RuntimeException failure;

        @Override
        protected void run(Map<String, Object> ctx) throws BusinessException {
            saveDurably("fact");
            save("detail");
            if (failure != null) {
                throw failure;
            }
        }
    }

    @BeforeEach
    void bindStorage() {
        CrossStorageApi storage = new CrossStorageApi() {
            @Override
            public <T> T find(Repository repository, String uuid, Class<T> cetClass) {
                throw new UnsupportedOperationException();
            }

            @Override
            public <T> CrossStorageRequest<T> find(Repository repository, Class<T> cetClass) {
                throw new UnsupportedOperationException();
            }

            @Override
            public String createOrUpdate(Repository repository, Object value) {
                events.add("save " + value);
                return "uuid-" + value;
            }

            @Override
            public void remove(Repository repository, String uuid, Class<?> cetClass) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void remove(Repository repository, String uuid, String cetCode) {
                throw new UnsupportedOperationException();
            }
        };
        RepositoryService repositories = new RepositoryService() {
            @Override
            public Repository findDefaultRepository() {
                return new Repository("default");
            }
        };
        beans = Script.bindBeans(type -> type == CrossStorageApi.class ? storage : repositories);
    }

    @AfterEach
    void unbind() throws Exception {
        beans.close();
    }

    @Test
    void manualCommitsTheFactAtOnceAndRollsBackWhatFollowedItsFailure() {
        CreateThenWait script = new CreateThenWait();
        script.failure = new IllegalStateException("boom");

        assertThatThrownBy(() -> script.execute(context(new RecordingTransaction()))).isSameAs(script.failure);

        assertThat(events).containsExactly("begin", "save fact", "commit", "begin", "save detail", "rollback");
    }

    @Test
    void manualCommitsEverythingOnSuccess() throws BusinessException {
        new CreateThenWait().execute(context(new RecordingTransaction()));

        assertThat(events).containsExactly("begin", "save fact", "commit", "begin", "save detail", "commit");
    }

    @Test
    void aProviderRefusalBecomesTheOperatorsMessageAfterTheRollback() {
        CreateThenWait script = new CreateThenWait();
        script.failure = new ProviderException("scaleway", Kind.QUOTA_EXCEEDED, 403, List.of("quotas_exceeded"), "quota exceeded for servers",
                null, null);

        assertThatThrownBy(() -> script.execute(context(new RecordingTransaction()))).isInstanceOf(BusinessException.class)
                .hasMessageStartingWith("Scaleway refused the request (HTTP 403, quotas_exceeded): quota exceeded for servers")
                .hasCause(script.failure);
        assertThat(events).endsWith("rollback");
    }

    @Test
    void withoutAUserTransactionTheCallersTransactionHoldsEverything() {
        CreateThenWait script = new CreateThenWait();
        script.failure = new ProviderException("cloudflare", Kind.UNAVAILABLE, 503, List.of(), "try later", null, null);

        assertThatThrownBy(() -> script.execute(new HashMap<>())).isInstanceOf(BusinessException.class);

        assertThat(events).containsExactly("save fact", "save detail");
    }

    private static Map<String, Object> context(UserTransaction userTx) {
        Map<String, Object> ctx = new HashMap<>();
        ctx.put(ModuleScript.USER_TRANSACTION, userTx);
        return ctx;
    }

    /** As JTA's: begin, then commit or rollback, never nested. */
    private final class RecordingTransaction implements UserTransaction {
        private int status = Status.STATUS_NO_TRANSACTION;

        @Override
        public void begin() {
            assertThat(status).as("begin in a transaction").isEqualTo(Status.STATUS_NO_TRANSACTION);
            status = Status.STATUS_ACTIVE;
            events.add("begin");
        }

        @Override
        public void commit() {
            end("commit");
        }

        @Override
        public void rollback() {
            end("rollback");
        }

        private void end(String how) {
            assertThat(status).as(how + " with no transaction").isEqualTo(Status.STATUS_ACTIVE);
            status = Status.STATUS_NO_TRANSACTION;
            events.add(how);
        }

        @Override
        public void setRollbackOnly() {
            status = Status.STATUS_MARKED_ROLLBACK;
        }

        @Override
        public int getStatus() {
            return status;
        }

        @Override
        public void setTransactionTimeout(int seconds) {
        }
    }
}
