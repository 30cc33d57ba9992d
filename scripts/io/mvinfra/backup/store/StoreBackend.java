package io.mvinfra.backup.store;

import io.mvinfra.objectstorage.ObjectStorage;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a store's objects live: small named blobs (config, image indexes, chunks, locks), each written whole and
 * atomically. Names use '/' to group them ({@code chunks/ab/ab12…}); a backend maps them onto files or keys.
 */
interface StoreBackend {

    static StoreBackend at(URI location, ObjectStorage s3) {
        if (location == null || location.getScheme() == null) {
            throw new IllegalArgumentException("backupStore: a URI file:///path or s3://bucket/prefix is needed, not " + location);
        }
        return switch (location.getScheme()) {
            case "file" -> {
                if (location.getPath() == null || location.getPath().isEmpty()) {
                    throw new IllegalArgumentException("backupStore: file: URI needs an absolute path, as file:///var/backups, not " + location);
                }
                yield new LocalDirectoryBackend(location, Path.of(location));
            }
            case "s3" -> {
                if (s3 == null) {
                    throw new IllegalArgumentException("backupStore: " + location + " is in a bucket: the ObjectStorage to reach it is needed");
                }
                String bucket = location.getAuthority();
                if (bucket == null || !bucket.equals(s3.location().bucket())) {
                    throw new IllegalArgumentException("backupStore: " + location + " names bucket " + bucket
                            + " but the object storage given is for bucket " + s3.location().bucket());
                }
                String prefix = location.getPath() == null ? "" : location.getPath().replaceAll("^/+|/+$", "");
                yield new ObjectStorageBackend(location, s3, prefix.isEmpty() ? "" : prefix + "/");
            }
            default -> throw new IllegalArgumentException("backupStore: file:///path or s3://bucket/prefix, not " + location);
        };
    }

    URI location();

    /** The whole object; an absent one is a {@link FileNotFoundException}. */
    byte[] read(String name) throws IOException;

    /** Replaces the object at once: a reader sees the old bytes or the new, never a part. */
    void write(String name, byte[] bytes) throws IOException;

    boolean exists(String name) throws IOException;

    /** Every object under the prefix, name -> stored size. */
    Map<String, Long> list(String prefix) throws IOException;

    /** Absent is fine. */
    void delete(String name) throws IOException;

    /** How many writes are worth running at once (a bucket's latency wants more than a disk does). */
    int writeConcurrency();
}
