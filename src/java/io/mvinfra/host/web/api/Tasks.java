package io.mvinfra.host.web.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Function;

import io.mvinfra.host.web.ApiException;

/**
 * Work that may outlast an HTTP request (a button waiting for a server to boot, a backup): it runs on the
 * web server's pool and is found again by id, so the page polls instead of holding a request open. Only
 * one task per key runs at a time: a second click on "Create" must not create twice.
 */
final class Tasks<R> {

    /** One submitted piece of work; {@code describe} is what the API shows about it besides its result. */
    static final class Task<R> {
        final String id = UUID.randomUUID().toString();
        final String key;
        final String user;
        final Map<String, Object> describe;
        final Instant startedAt = Instant.now();
        final CompletableFuture<R> result = new CompletableFuture<>();
        volatile Instant endedAt;
        /** The work's latest progress line ({@code waiting for running: 40 s of 300 s}), null before the first. */
        volatile String progress;
        private volatile CompletableFuture<Void> nextProgress = new CompletableFuture<>();

        Task(String key, String user, Map<String, Object> describe) {
            this.key = key;
            this.user = user;
            this.describe = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(describe)); // keeps order and null values (a list press has no uuid)
        }

        boolean done() {
            return result.isDone();
        }

        void progress(String line) {
            progress = line;
            CompletableFuture<Void> waiting = nextProgress;
            nextProgress = new CompletableFuture<>();
            waiting.complete(null);
        }

        /** The result if the work ends within {@code wait}. */
        Optional<R> await(Duration wait) {
            return await(wait, result);
        }

        /**
         * The result if the work ends within {@code wait}; the wait ends sooner, with no result, once the progress line
         * is another than {@code seen} (the one the caller shows, "" for none).
         */
        Optional<R> await(Duration wait, String seen) {
            CompletableFuture<Void> next = nextProgress;   // read before the line: a line reported meanwhile completes it
            if (!seen.equals(progress == null ? "" : progress)) {
                return result.isDone() ? Optional.of(result.join()) : Optional.empty();
            }
            return await(wait, CompletableFuture.anyOf(result, next));
        }

        private Optional<R> await(Duration wait, CompletableFuture<?> end) {
            if (!wait.isZero()) {
                try {
                    end.get(wait.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException | ExecutionException e) {
                    // not done yet (the future never fails: Tasks turns crashes into results)
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return result.isDone() ? Optional.of(result.join()) : Optional.empty();
        }

        long elapsedMs() {
            Instant end = endedAt;
            return Duration.between(startedAt, end == null ? Instant.now() : end).toMillis();
        }
    }

    private final Executor executor;
    private final BiFunction<Task<R>, Throwable, R> crashed;
    private final Duration keepFinished;
    private final int maxKept;
    private final Map<String, Task<R>> byId = new ConcurrentHashMap<>();
    private final Map<String, Task<R>> runningByKey = new ConcurrentHashMap<>();

    /** {@code crashed} turns a failure the work did not handle itself into a result the operator can read. */
    Tasks(Executor executor, BiFunction<Task<R>, Throwable, R> crashed, Duration keepFinished, int maxKept) {
        this.executor = executor;
        this.crashed = crashed;
        this.keepFinished = keepFinished;
        this.maxKept = maxKept;
    }

    /** Starts {@code work}, which may report progress on the task it is given. */
    Task<R> submit(String key, String user, Map<String, Object> describe, Function<Task<R>, R> work) {
        Task<R> task = new Task<>(key, user, describe);
        Task<R> running = runningByKey.putIfAbsent(key, task);
        if (running != null) {
            throw ApiException.conflict("already running: started by " + running.user + " at " + running.startedAt + " (id " + running.id + ")");
        }
        forgetOld();
        byId.put(task.id, task);
        try {
            executor.execute(() -> {
                R result;
                try {
                    result = work.apply(task);
                } catch (RuntimeException | Error e) {
                    result = crashed.apply(task, e);
                }
                task.endedAt = Instant.now();
                // free the key before anyone learns the result: a caller may press again right away
                runningByKey.remove(key, task);
                task.result.complete(result);
            });
        } catch (RejectedExecutionException e) {
            runningByKey.remove(key, task);
            byId.remove(task.id);
            throw new ApiException(503, "the host is busy with other presses and jobs: try again in a moment");
        }
        return task;
    }

    Optional<Task<R>> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    List<Task<R>> running() {
        return runningByKey.values().stream().sorted(Comparator.comparing(t -> t.startedAt)).toList();
    }

    private void forgetOld() {
        Instant horizon = Instant.now().minus(keepFinished);
        byId.values().removeIf(t -> t.done() && t.endedAt != null && t.endedAt.isBefore(horizon));
        if (byId.size() >= maxKept) {
            byId.values().stream().filter(Task::done).sorted(Comparator.comparing(t -> t.startedAt))
                    .limit(byId.size() - maxKept + 1L).toList().forEach(t -> byId.remove(t.id));
        }
    }
}
