package io.mvinfra.backup.store;

import io.mvinfra.objectstorage.ObjectStorage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;

/** A store under a prefix of an S3 bucket: one object per name; S3 makes a PUT visible only whole. */
final class ObjectStorageBackend implements StoreBackend {

    /** Requests in flight at once: each one mostly waits on the network. */
    private static final int WRITE_CONCURRENCY = 8;

    private final URI location;
    private final ObjectStorage bucket;
    private final String prefix;

    ObjectStorageBackend(URI location, ObjectStorage bucket, String prefix) {
        this.location = location;
        this.bucket = bucket;
        this.prefix = prefix;
    }

    @Override
    public URI location() {
        return location;
    }

    @Override
    public byte[] read(String name) throws IOException {
        try (InputStream in = bucket.get(prefix + name)) {
            return in.readAllBytes();
        }
    }

    @Override
    public void write(String name, byte[] bytes) throws IOException {
        bucket.put(prefix + name, new ByteArrayInputStream(bytes), bytes.length);
    }

    @Override
    public boolean exists(String name) throws IOException {
        return bucket.exists(prefix + name);
    }

    @Override
    public Map<String, Long> list(String namePrefix) throws IOException {
        Map<String, Long> found = new TreeMap<>();
        for (ObjectStorage.StoredObject object : bucket.listObjects(prefix + namePrefix)) {
            found.put(object.key().substring(prefix.length()), object.sizeBytes());
        }
        return found;
    }

    @Override
    public void delete(String name) throws IOException {
        bucket.delete(prefix + name);
    }

    @Override
    public int writeConcurrency() {
        return WRITE_CONCURRENCY;
    }
}
