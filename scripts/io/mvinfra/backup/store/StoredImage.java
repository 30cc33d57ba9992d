package io.mvinfra.backup.store;

import java.time.Instant;

/** One image the store holds. */
public record StoredImage(String imageId, String label, Instant created, long sizeBytes, String digest) { }
