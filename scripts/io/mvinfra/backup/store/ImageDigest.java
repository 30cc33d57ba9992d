package io.mvinfra.backup.store;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * SHA-256 of a whole image, computed on a thread of its own as the chunks go by, in their order: the digest is the
 * one step that cannot be split, and on the reading thread it held back the workers. At most {@link #PENDING}
 * chunks wait for it.
 */
final class ImageDigest {

    private static final int PENDING = 32;

    private final MessageDigest sha256;
    private final ExecutorService thread;
    private final ArrayDeque<Future<?>> pending = new ArrayDeque<>();

    /** {@code thread} must run its tasks one at a time, in order (a single-thread executor). */
    ImageDigest(ExecutorService thread) {
        this.thread = thread;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /** Queues the chunk (not to be changed after); waits only when {@link #PENDING} are queued. */
    void update(byte[] chunk) throws IOException {
        pending.add(thread.submit(() -> sha256.update(chunk)));
        while (pending.size() > PENDING) {
            await(pending.poll());
        }
    }

    /** {@code sha256:<hex>} of everything queued. */
    String finish() throws IOException {
        while (!pending.isEmpty()) {
            await(pending.poll());
        }
        return "sha256:" + HexFormat.of().formatHex(sha256.digest());
    }

    /** After a failure: drops what is queued. */
    void cancel() {
        pending.forEach(task -> task.cancel(false));
        pending.clear();
    }

    private static void await(Future<?> task) throws IOException {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while digesting the image");
        } catch (ExecutionException e) {
            throw new IllegalStateException("digesting the image failed", e.getCause());
        }
    }
}
