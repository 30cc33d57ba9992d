package org.meveo.model.scripts;

/** Meveo's transaction handling of a script instance ({@code transactionType}), same names. */
public enum ScriptTransactionType {
    /** No transaction is started: the script gets a UserTransaction in its context under "userTx". */
    MANUAL,
    /** A new transaction around execute. */
    NEW,
    /** The caller's transaction. */
    SAME,
    /** No transaction. */
    NONE
}
