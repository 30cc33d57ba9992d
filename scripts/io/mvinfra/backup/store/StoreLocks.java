package io.mvinfra.backup.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * How prune keeps out of the way of ingests, across threads and processes, on any backend: each ingest and each
 * prune writes a lock object ({@code locks/ingest-<uuid>}, {@code locks/prune-<uuid>}) first, then looks for the
 * other kind. Because each writes before it looks, at least one of two that overlap sees the other: an ingest that
 * sees a prune waits for it to end; a prune that sees an ingest withdraws ({@link StoreBusyException}) and deletes
 * nothing. So a chunk an ingest may reuse is never deleted under it. A holder rewrites its lock every
 * {@link #REFRESH}; a lock not rewritten for {@link #STALE} belongs to a process that died and is ignored (and
 * deleted by the next prune).
 */
final class StoreLocks {

    static final String PREFIX = "locks/";
    static final Duration REFRESH = Duration.ofMinutes(5);
    static final Duration STALE = Duration.ofMinutes(30);
    static final Duration WAIT_FOR_PRUNE = Duration.ofMinutes(30);
    private static final long POLL_MILLIS = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StoreBackend backend;
    private final Clock clock;

    StoreLocks(StoreBackend backend, Clock clock) {
        this.backend = backend;
        this.clock = clock;
    }

    /** Held once no prune runs; waits up to {@link #WAIT_FOR_PRUNE} for a running one. */
    Held holdForIngest() throws IOException {
        Held held = hold("ingest");
        Instant giveUp = clock.instant().plus(WAIT_FOR_PRUNE);
        try {
            while (!fresh("prune").isEmpty()) {
                if (clock.instant().isAfter(giveUp)) {
                    throw new StoreBusyException("the backup store at " + backend.location() + " has been pruned by another process for over "
                            + WAIT_FOR_PRUNE.toMinutes() + " minutes; ingest again when it is done");
                }
                Thread.sleep(POLL_MILLIS);
                held.refreshIfDue();
            }
            return held;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            held.close();
            throw new java.io.InterruptedIOException("interrupted waiting for a prune of " + backend.location() + " to end");
        } catch (IOException | RuntimeException e) {
            held.close();
            throw e;
        }
    }

    /** Held when no ingest runs; else {@link StoreBusyException} at once. */
    Held holdForPrune() throws IOException {
        Held held = hold("prune");
        try {
            List<String> ingests = fresh("ingest");
            if (!ingests.isEmpty()) {
                throw new StoreBusyException("the backup store at " + backend.location() + " is being written (" + ingests.size()
                        + " ingest(s) running, e.g. " + ingests.get(0) + "): nothing pruned; prune again when they are done");
            }
            return held;
        } catch (IOException | RuntimeException e) {
            held.close();
            throw e;
        }
    }

    /** Locks older than {@link #STALE}: their holders died. */
    void deleteStale() throws IOException {
        for (String name : backend.list(PREFIX).keySet()) {
            if (!isFresh(name)) {
                backend.delete(name);
            }
        }
    }

    private Held hold(String kind) throws IOException {
        Held held = new Held(PREFIX + kind + "-" + UUID.randomUUID());
        held.write();
        return held;
    }

    private List<String> fresh(String kind) throws IOException {
        List<String> found = new ArrayList<>();
        for (String name : backend.list(PREFIX + kind + "-").keySet()) {
            if (isFresh(name)) {
                found.add(name);
            }
        }
        return found;
    }

    private boolean isFresh(String name) throws IOException {
        try {
            JsonNode lock = JSON.readTree(backend.read(name));
            Instant refreshed = Instant.parse(lock.path("refreshed").asText());
            return refreshed.plus(STALE).isAfter(clock.instant());
        } catch (FileNotFoundException released) {
            return false;
        } catch (DateTimeParseException | IOException unreadable) {
            // a half-visible or foreign object is not a holder we can judge: count it as held, the safe side
            return true;
        }
    }

    /** A lock this process holds; close releases it. */
    final class Held implements AutoCloseable {

        private final String name;
        private Instant written;

        private Held(String name) {
            this.name = name;
        }

        String name() {
            return name;
        }

        void refreshIfDue() throws IOException {
            if (clock.instant().isAfter(written.plus(REFRESH))) {
                write();
            }
        }

        private void write() throws IOException {
            written = clock.instant();
            backend.write(name, JSON.createObjectNode().put("refreshed", written.toString()).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public void close() throws IOException {
            backend.delete(name);
        }
    }
}
