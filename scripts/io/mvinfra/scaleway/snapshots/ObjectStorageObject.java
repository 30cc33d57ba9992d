package io.mvinfra.scaleway.snapshots;

import java.util.Objects;

/**
 * Where Block Storage exports a snapshot to, or imports one from: an object of a Scaleway Object Storage bucket in
 * the snapshot's region (the body of {@code POST …/snapshots/{id}/export-to-object-storage}).
 */
public record ObjectStorageObject(String bucket, String key) {

    public ObjectStorageObject {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
    }
}
