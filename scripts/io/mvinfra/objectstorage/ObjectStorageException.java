package io.mvinfra.objectstorage;

import java.io.IOException;

/**
 * An S3 service refused a request: its error {@code Code} ({@code NoSuchBucket}, {@code AccessDenied},
 * {@code SignatureDoesNotMatch}…), the HTTP status (0 when no answer came) and what was asked, never a secret.
 */
public class ObjectStorageException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final int httpStatus;

    public ObjectStorageException(String code, int httpStatus, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.httpStatus = httpStatus;
    }

    /** The S3 error code, e.g. {@code NoSuchKey}; empty when the service gave none. */
    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
