package io.mvinfra.scaleway.backups;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.mvinfra.http.StateWait;
import io.mvinfra.http.TimeSource;

/** The waits of a backup or a restore: each on the HTTP layer's clock, with a deadline, each look a progress line. */
final class Waits {

    /** What Scaleway takes for a snapshot or a volume of Block Storage: terraform-provider-scaleway's default. */
    static final Duration BLOCK_DEADLINE = Duration.ofMinutes(5);
    /** An export or an import moves the whole volume through Object Storage: some 10 GB a minute at worst. */
    static final Duration TRANSFER_DEADLINE = Duration.ofHours(2);

    private final TimeSource time;
    private final Consumer<String> progress;

    Waits(TimeSource time, Consumer<String> progress) {
        this.time = time;
        this.progress = progress;
    }

    /** Looks until {@code wanted}, failing fast on {@code error} and at the deadline. */
    String until(String what, Supplier<String> state, String wanted, Duration deadline) throws IOException {
        try {
            return StateWait.of("scaleway", what, time, state).until(wanted).failingOn("error").within(deadline)
                    .onProgress(p -> progress.accept(what + ": " + p.state() + " after " + p.elapsed().toSeconds() + " s"))
                    .await();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** A look that reads Object Storage: its {@code IOException} passes the wait and comes out as itself. */
    interface BucketLook {
        String state() throws IOException;
    }

    static Supplier<String> reading(BucketLook look) {
        return () -> {
            try {
                return look.state();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
