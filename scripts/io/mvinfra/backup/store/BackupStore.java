package io.mvinfra.backup.store;

import io.mvinfra.objectstorage.ObjectStorage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.List;

/**
 * An encrypted, deduplicated store of disk images: content-defined chunks, each named by a keyed hash, compressed
 * and sealed with AES-256-GCM under the store's master key; an image is an encrypted index of its chunks.
 * Several ingests (threads or processes) may run at once into one store; see {@link DedupStore} for how prune
 * keeps out of their way.
 */
public interface BackupStore extends AutoCloseable {

    /**
     * {@code file:///path} or {@code s3://bucket/prefix} (s3 needs the {@link ObjectStorage} of that bucket; null for
     * file:). Creates an empty store at first use; a store created under another key -> {@link WrongStoreKeyException}
     * (writes nothing).
     */
    static BackupStore open(URI location, StoreKey key, ObjectStorage s3) throws IOException {
        return DedupStore.open(StoreBackend.at(location, s3), key);
    }

    /** Streams the image in (bounded memory, no local temp file of the image); the id is new and unique. */
    Ingested ingest(String label, InputStream image, Progress progress) throws IOException;

    /** Streams the image out; checks the image's digest at the end ({@link DigestMismatchException} if not equal). */
    Restored restore(String imageId, OutputStream out, Progress progress) throws IOException;

    /** Re-reads every chunk of that image, checks every chunk's hash and the image digest; lists what is wrong. */
    Verification verify(String imageId, Progress progress) throws IOException;

    List<StoredImage> images() throws IOException;

    /** The image's index goes; its chunks stay until {@link #prune()}. */
    void forget(String imageId) throws IOException;

    /** Deletes chunks no image references. */
    Pruned prune() throws IOException;

    @Override
    void close() throws IOException;
}
