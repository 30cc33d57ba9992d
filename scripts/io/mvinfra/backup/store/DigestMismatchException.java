package io.mvinfra.backup.store;

import java.io.IOException;

/** The bytes read back are not the image that was stored. */
public class DigestMismatchException extends IOException {

    private static final long serialVersionUID = 1L;

    public DigestMismatchException(String imageId, String expected, String actual) {
        super("image " + imageId + " restored with digest " + actual + " but was stored with " + expected);
    }
}
