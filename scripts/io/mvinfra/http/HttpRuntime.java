package io.mvinfra.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * What the HTTP layer keeps for the life of the runtime: one OkHttp client (its connection pool and dispatcher,
 * shared by every provider and credential), one rate limiter per credential, and a few threads for fetching pages
 * of lists at once. Meveo creates a script instance
 * per call, so {@link #shared()} keeps them across calls; tests make their own, with their own settings and time.
 */
public final class HttpRuntime {

    private static HttpRuntime shared;
    /** Who books the slots of the shared runtime's limiters, applied when it is created (see {@link #shareSlotsOfShared}). */
    private static BiFunction<String, RateLimit, RateLimiter.Slots> slotsOfShared;

    private final HttpSettings settings;
    private final TimeSource time;
    private final OkHttpClient client;
    private final ConnectionPool singleUse;
    private final ExecutorService pages;
    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();
    private final Map<String, Object> sessions = new ConcurrentHashMap<>();
    private volatile BiFunction<String, RateLimit, RateLimiter.Slots> sharedSlots;

    public HttpRuntime(HttpSettings settings, TimeSource time) {
        this.settings = settings;
        this.time = time;
        this.client = new OkHttpClient.Builder()
                // room for the connections of a list's concurrent pages, so the next list finds them open
                .connectionPool(new ConnectionPool(Math.max(5, 2 * settings.pageConcurrency()), 5, TimeUnit.MINUTES))
                .dispatcher(new Dispatcher())
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .callTimeout(settings.callTimeout())
                // An API does not redirect; following one would carry X-Auth-Token to wherever it points.
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
        // No idle connection is kept, so none can be found closed by the server when a one-shot body is sent on it.
        this.singleUse = new ConnectionPool(0, 1, TimeUnit.SECONDS);
        this.pages = pageThreads(settings.pageConcurrency());
    }

    /**
     * Bounded, so a script runtime never grows threads with the lists it reads: a list's caller fetches pages too,
     * so a list progresses even while every thread serves another. Daemon threads that end when idle: an idle
     * runtime (or Meveo at shutdown) holds none.
     */
    private static ExecutorService pageThreads(int pageConcurrency) {
        // two lists at once, each at up to twice the settings' concurrency (a profile may ask for that, see
        // ProviderProfile.pagesAtOnce), without one waiting for the other's threads
        int threads = Math.max(1, 2 * (2 * pageConcurrency - 1));
        AtomicInteger count = new AtomicInteger();
        ThreadFactory daemons = task -> {
            Thread thread = new Thread(task, "mvinfra-http-pages-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemons);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** The runtime of this JVM, created on first use from {@link HttpSettings#fromSystemProperties()}. */
    public static synchronized HttpRuntime shared() {
        if (shared == null) {
            shared = new HttpRuntime(HttpSettings.fromSystemProperties(), TimeSource.SYSTEM);
            if (slotsOfShared != null) {
                shared.shareSlots(slotsOfShared);
            }
        }
        return shared;
    }

    /**
     * {@link #shareSlots} for the shared runtime, without creating it: a host opening on a shared database says who
     * books the slots, and a command that never calls a provider never builds an HTTP client (TLS set-up and all).
     * Null: this JVM's own limiters again.
     */
    public static synchronized void shareSlotsOfShared(BiFunction<String, RateLimit, RateLimiter.Slots> slots) {
        slotsOfShared = slots;
        if (shared != null) {
            shared.shareSlots(slots);
        }
    }

    /**
     * Makes {@code runtime} the one {@link #shared()} answers, and returns the one it replaces: for a host or a test
     * that brings its own settings and clock (a test's fake clock turns ten minutes of waiting into none).
     */
    public static synchronized HttpRuntime useShared(HttpRuntime runtime) {
        HttpRuntime replaced = shared;
        shared = runtime;
        return replaced;
    }

    public HttpSettings settings() {
        return settings;
    }

    public TimeSource time() {
        return time;
    }

    /** The shared client; derive per-credential clients with {@code newBuilder()}, which keeps pool and dispatcher. */
    public OkHttpClient client() {
        return client;
    }

    /** A pool that keeps no connection: for requests whose body cannot be replayed. */
    ConnectionPool singleUsePool() {
        return singleUse;
    }

    ExecutorService pageThreads() {
        return pages;
    }

    /**
     * The limiter of one credential ({@code key}), shared by every call made with it. A changed limit (the
     * operator edited the provider) starts a new window.
     */
    public RateLimiter rateLimiter(String key, RateLimit limit) {
        BiFunction<String, RateLimit, RateLimiter.Slots> shared = sharedSlots;
        return limiters.compute(key, (k, current) -> current != null && current.limit().equals(limit) ? current
                : new RateLimiter(limit, time, shared == null ? null : shared.apply(key, limit)));
    }

    /**
     * Books every credential's slots where {@code slots} says (a credential's key and limit → its slots), from now on:
     * what a host sets at start when it shares its database, and so its credentials' budgets, with other hosts.
     */
    public void shareSlots(BiFunction<String, RateLimit, RateLimiter.Slots> slots) {
        this.sharedSlots = slots;
        limiters.clear();
    }

    /**
     * A credential's session (a token from an identity service, with its catalog), made once and kept for the life of
     * the runtime so that presses reuse it instead of logging in again. {@code key} must change whenever what the
     * session was made from changes (a rotated password makes a new session).
     */
    public <T> T session(String key, Class<T> type, Supplier<T> create) {
        return type.cast(sessions.computeIfAbsent(key, k -> create.get()));
    }
}
