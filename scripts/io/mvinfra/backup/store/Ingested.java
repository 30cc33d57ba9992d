package io.mvinfra.backup.store;

/**
 * What an ingest stored. {@code digest} is {@code sha256:<hex>} of the image's bytes; {@code addedBytes} what this
 * ingest wrote to the store (after dedup, compression and encryption: its new chunks and its index);
 * {@code storedBytesTotal} all the store holds after it (chunks, indexes, config), as listed when the ingest began
 * plus what it added.
 */
public record Ingested(String imageId, long sizeBytes, long addedBytes, long storedBytesTotal, String digest, int chunks,
                       int newChunks) { }
