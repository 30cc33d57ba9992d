package io.mvinfra.backup.store;

import java.io.IOException;

/** The store's implementation (being written: this step only fixes the API the backup flow codes against). */
final class DedupStore {

    private DedupStore() {
    }

    static BackupStore open(StoreBackend backend, StoreKey key) throws IOException {
        throw new UnsupportedOperationException("the backup store is being implemented (branch backup-store)");
    }
}
