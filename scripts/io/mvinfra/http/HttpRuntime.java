package io.mvinfra.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * What the HTTP layer keeps for the life of the runtime: one OkHttp client (its connection pool and dispatcher,
 * shared by every provider and credential) and one rate limiter per credential. Meveo creates a script instance
 * per call, so {@link #shared()} keeps them across calls; tests make their own, with their own settings and time.
 */
public final class HttpRuntime {

    private static HttpRuntime shared;

    private final HttpSettings settings;
    private final TimeSource time;
    private final OkHttpClient client;
    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();
    private final Map<String, Object> sessions = new ConcurrentHashMap<>();
    private volatile BiFunction<String, RateLimit, RateLimiter.Slots> sharedSlots;

    public HttpRuntime(HttpSettings settings, TimeSource time) {
        this.settings = settings;
        this.time = time;
        this.client = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool())
                .dispatcher(new Dispatcher())
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .callTimeout(settings.callTimeout())
                // An API does not redirect; following one would carry X-Auth-Token to wherever it points.
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
    }

    /** The runtime of this JVM, created on first use from {@link HttpSettings#fromSystemProperties()}. */
    public static synchronized HttpRuntime shared() {
        if (shared == null) {
            shared = new HttpRuntime(HttpSettings.fromSystemProperties(), TimeSource.SYSTEM);
        }
        return shared;
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
