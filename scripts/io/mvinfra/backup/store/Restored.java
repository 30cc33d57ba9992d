package io.mvinfra.backup.store;

/** An image streamed out whole, its digest checked. */
public record Restored(String imageId, long sizeBytes, String digest) { }
