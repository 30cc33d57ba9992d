package io.mvinfra.host.runtime;

import javax.transaction.NotSupportedException;
import javax.transaction.RollbackException;
import javax.transaction.Status;
import javax.transaction.UserTransaction;

import io.mvinfra.host.store.StoreException;
import io.mvinfra.host.store.StoreSession;

/**
 * The {@code userTx} a MANUAL script gets in the host, as WildFly's in Meveo: transactions one after the other on the
 * press's session, none nested. A commit makes what was written so far durable and the press goes on; a rollback
 * undoes what was written since the last commit.
 */
final class HostUserTransaction implements UserTransaction {

    private final StoreSession session;
    private int status = Status.STATUS_NO_TRANSACTION;

    HostUserTransaction(StoreSession session) {
        this.session = session;
    }

    @Override
    public void begin() throws NotSupportedException {
        if (status != Status.STATUS_NO_TRANSACTION) {
            throw new NotSupportedException("a transaction is already active: transactions do not nest");
        }
        status = Status.STATUS_ACTIVE;
    }

    @Override
    public void commit() throws RollbackException {
        requireTransaction();
        if (status == Status.STATUS_MARKED_ROLLBACK) {
            rollback();
            throw new RollbackException("the transaction was marked for rollback: nothing was committed");
        }
        try {
            session.commitSoFar();
            status = Status.STATUS_NO_TRANSACTION;
        } catch (StoreException e) {
            rollback();
            RollbackException rolledBack = new RollbackException("commit failed, rolled back: " + e.getMessage());
            rolledBack.initCause(e);
            throw rolledBack;
        }
    }

    @Override
    public void rollback() {
        requireTransaction();
        status = Status.STATUS_NO_TRANSACTION;
        session.rollbackSoFar();
    }

    @Override
    public void setRollbackOnly() {
        requireTransaction();
        status = Status.STATUS_MARKED_ROLLBACK;
    }

    @Override
    public int getStatus() {
        return status;
    }

    @Override
    public void setTransactionTimeout(int seconds) {
        // a press's session has no timeout of its own; the database's statement timeouts apply
    }

    private void requireTransaction() {
        if (status == Status.STATUS_NO_TRANSACTION) {
            throw new IllegalStateException("no transaction: begin one first");
        }
    }
}
