package io.mvinfra.backup.store;

import java.io.IOException;

/** Another process holds the store for something this operation must not overlap (a prune while an ingest runs). */
public class StoreBusyException extends IOException {

    private static final long serialVersionUID = 1L;

    public StoreBusyException(String message) {
        super(message);
    }
}
