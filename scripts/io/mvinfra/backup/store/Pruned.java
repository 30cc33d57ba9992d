package io.mvinfra.backup.store;

/** What a prune deleted. */
public record Pruned(int chunksDeleted, long bytesFreed) { }
