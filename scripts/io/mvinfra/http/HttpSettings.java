package io.mvinfra.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How patient the HTTP layer is, built once per runtime and passed in.
 *
 * @param connectTimeout    to open a TCP (and TLS) connection
 * @param readTimeout       between two reads or writes on an open connection: a provider that stops talking
 * @param callTimeout       the whole call, retries and their waits included: what a button may cost at most
 * @param maxAttempts       sends of one request, the first included (1 = never retry)
 * @param initialBackoff    wait before the first retry; doubled for each next one, with jitter
 * @param maxBackoff        ceiling of the doubling
 * @param maxRetryAfter     longest {@code Retry-After} honoured; a provider asking for more gets a failure now,
 *                          not a button frozen for minutes
 * @param maxRateLimitWait  longest a call waits for the client-side rate limiter before failing without sending
 * @param userAgent         sent with every request, so a provider's support can tell who called
 * @param pageConcurrency   pages of one list fetched at once once the first page said how many there are
 *                          (1 = one after the other)
 */
public record HttpSettings(Duration connectTimeout, Duration readTimeout, Duration callTimeout, int maxAttempts,
                           Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter,
                           Duration maxRateLimitWait, String userAgent, int pageConcurrency) {

    /** System properties read by {@link #fromSystemProperties()}, so an operator can tune Meveo without a rebuild. */
    public static final String PREFIX = "mvinfra.http.";

    public HttpSettings {
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        requirePositive(callTimeout, "callTimeout");
        requirePositive(initialBackoff, "initialBackoff");
        requirePositive(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        Objects.requireNonNull(maxRateLimitWait, "maxRateLimitWait");
        Objects.requireNonNull(userAgent, "userAgent");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
        if (pageConcurrency < 1) {
            throw new IllegalArgumentException("pageConcurrency must be at least 1, not " + pageConcurrency);
        }
    }

    /**
     * Connect 10 s, read 30 s, whole call 2 min; 4 attempts backing off from 0.5 s to 20 s; Retry-After honoured
     * up to 60 s; up to 60 s of waiting for the rate limiter; 8 pages of a list at once (a few connections per
     * credential, as a browser opens per host, and well inside every provider's rate limit).
     */
    public static HttpSettings defaults() {
        return new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(2), 4,
                Duration.ofMillis(500), Duration.ofSeconds(20), Duration.ofSeconds(60), Duration.ofSeconds(60),
                "mv-infra/0.1", 8);
    }

    /** {@link #defaults()}, each overridable by a system property {@code mvinfra.http.<name>} (milliseconds). */
    public static HttpSettings fromSystemProperties() {
        HttpSettings d = defaults();
        return new HttpSettings(millis("connectTimeoutMillis", d.connectTimeout), millis("readTimeoutMillis", d.readTimeout),
                millis("callTimeoutMillis", d.callTimeout), Integer.getInteger(PREFIX + "maxAttempts", d.maxAttempts),
                millis("initialBackoffMillis", d.initialBackoff), millis("maxBackoffMillis", d.maxBackoff),
                millis("maxRetryAfterMillis", d.maxRetryAfter), millis("maxRateLimitWaitMillis", d.maxRateLimitWait),
                d.userAgent, Integer.getInteger(PREFIX + "pageConcurrency", d.pageConcurrency));
    }

    public HttpSettings withTimeouts(Duration connect, Duration read, Duration call) {
        return new HttpSettings(connect, read, call, maxAttempts, initialBackoff, maxBackoff, maxRetryAfter,
                maxRateLimitWait, userAgent, pageConcurrency);
    }

    public HttpSettings withRetries(int attempts, Duration initial, Duration max) {
        return new HttpSettings(connectTimeout, readTimeout, callTimeout, attempts, initial, max, maxRetryAfter,
                maxRateLimitWait, userAgent, pageConcurrency);
    }

    public HttpSettings withMaxRetryAfter(Duration max) {
        return new HttpSettings(connectTimeout, readTimeout, callTimeout, maxAttempts, initialBackoff, maxBackoff, max,
                maxRateLimitWait, userAgent, pageConcurrency);
    }

    public HttpSettings withMaxRateLimitWait(Duration max) {
        return new HttpSettings(connectTimeout, readTimeout, callTimeout, maxAttempts, initialBackoff, maxBackoff,
                maxRetryAfter, max, userAgent, pageConcurrency);
    }

    public HttpSettings withPageConcurrency(int pages) {
        return new HttpSettings(connectTimeout, readTimeout, callTimeout, maxAttempts, initialBackoff, maxBackoff,
                maxRetryAfter, maxRateLimitWait, userAgent, pages);
    }

    private static Duration millis(String name, Duration fallback) {
        Long value = Long.getLong(PREFIX + name);
        return value == null ? fallback : Duration.ofMillis(value);
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, not " + value);
        }
    }
}
