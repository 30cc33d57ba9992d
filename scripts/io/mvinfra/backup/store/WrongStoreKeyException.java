package io.mvinfra.backup.store;

import java.io.IOException;
import java.net.URI;

/** The store's config could not be opened with the key given: it was created with another one. */
public class WrongStoreKeyException extends IOException {

    private static final long serialVersionUID = 1L;

    public WrongStoreKeyException(URI location) {
        super("the backup store at " + location + " was created with another key");
    }
}
