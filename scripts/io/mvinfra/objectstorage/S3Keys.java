package io.mvinfra.objectstorage;

import java.util.Arrays;
import java.util.Objects;

/** The access key and secret key an S3 request is signed with; {@link #toString()} never shows the secret. */
public final class S3Keys {

    private final String accessKey;
    private final char[] secretKey;

    public S3Keys(String accessKey, char[] secretKey) {
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(secretKey, "secretKey");
        if (accessKey.isBlank()) {
            throw new IllegalArgumentException("accessKey: must not be blank");
        }
        if (secretKey.length == 0) {
            throw new IllegalArgumentException("secretKey: must not be empty");
        }
        this.accessKey = accessKey;
        this.secretKey = secretKey.clone();
    }

    public String accessKey() {
        return accessKey;
    }

    /** A copy: callers may wipe it. */
    char[] secretKey() {
        return secretKey.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof S3Keys keys && keys.accessKey.equals(accessKey) && Arrays.equals(keys.secretKey, secretKey);
    }

    @Override
    public int hashCode() {
        return accessKey.hashCode();
    }

    @Override
    public String toString() {
        return "S3Keys[" + accessKey + ", secret ██]";
    }
}
