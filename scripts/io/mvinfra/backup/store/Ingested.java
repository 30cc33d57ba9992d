package io.mvinfra.backup.store;

/**
 * What an ingest stored. {@code digest} is {@code sha256:<hex>} of the image's bytes; {@code addedBytes} what this
 * ingest wrote to the store (after dedup, compression and encryption); {@code storedBytesTotal} the store's chunk
 * bytes after it.
 */
public record Ingested(String imageId, long sizeBytes, long addedBytes, long storedBytesTotal, String digest, int chunks,
                       int newChunks) { }
