package io.mvinfra.scaleway.backups;

import java.util.function.Consumer;

import io.mvinfra.backup.store.Progress;

/**
 * A store's byte counts as progress lines an operator reads ({@code ingest: 512 MiB of 1 GiB (50 %)}), one every
 * 5 % (or every 64 MiB when the total is unknown) so a long stream does not flood the log or the page.
 */
final class ByteProgress implements Progress {

    private static final long UNKNOWN_STEP = 64L << 20;

    private final String what;
    private final Consumer<String> lines;
    private final long knownTotal;
    private long nextAt;

    ByteProgress(String what, Consumer<String> lines) {
        this(what, lines, -1);
    }

    /** @param knownTotal the stream's length when the caller knows it (the staged object's), for a store that does not */
    ByteProgress(String what, Consumer<String> lines, long knownTotal) {
        this.what = what;
        this.lines = lines;
        this.knownTotal = knownTotal;
    }

    @Override
    public synchronized void bytes(long done, long reported) {
        long total = reported >= 0 ? reported : knownTotal;
        if (done < nextAt && (total < 0 || done < total)) {
            return;
        }
        if (total > 0) {
            lines.accept(what + ": " + mib(done) + " of " + mib(total) + " (" + done * 100 / total + " %)");
            nextAt = done + Math.max(1, total / 20);
        } else {
            lines.accept(what + ": " + mib(done));
            nextAt = done + UNKNOWN_STEP;
        }
    }

    /** Streams are counted in MiB (the store's and restic's unit), unlike volume sizes, which Scaleway bills in GB. */
    static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
}
