package io.mvinfra.http;

import java.io.InterruptedIOException;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one credential's requests under its {@link RateLimit} in every window, not just on average: a sliding
 * window over the last {@code requests} grants. A token bucket would not do: full at 1200 and refilling at 4/s, it
 * lets 2400 requests through in Cloudflare's 5 minutes. Callers wait their turn (in order of arrival, each one
 * reserving its slot) rather than earn a 429; a caller whose turn is further away than the settings' longest wait
 * fails at once, without sending.
 */
public final class RateLimiter {

    /**
     * Who books a credential's slots: by default this limiter, for this JVM; a host whose hosts share a database gives
     * one shared by all of them ({@link HttpRuntime#shareSlots}), so that together they keep under the limit.
     */
    public interface Slots {
        /** Books the next free slot and says how long until it; null (and nothing booked) when that is beyond maxWait. */
        Duration reserve(Duration maxWait);
    }

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

    private final RateLimit limit;
    private final TimeSource time;
    private final long windowNanos;
    /** When each of the last {@code limit.requests()} grants was (or will be) sent, oldest at {@code oldest}. */
    private final long[] grants;
    private int oldest;
    private int granted;
    private final Slots slots;

    public RateLimiter(RateLimit limit, TimeSource time) {
        this(limit, time, null);
    }

    /** With {@code shared} slots (null: this limiter's own). */
    public RateLimiter(RateLimit limit, TimeSource time, Slots shared) {
        this.limit = limit;
        this.time = time;
        this.windowNanos = limit.window().toNanos();
        this.grants = new long[limit.isNone() || shared != null ? 0 : limit.requests()];
        this.slots = limit.isNone() || shared == null ? this::reserve : shared;
    }

    public RateLimit limit() {
        return limit;
    }

    /**
     * Waits until this request may be sent.
     *
     * @throws ProviderException {@link ProviderException.Kind#RATE_LIMITED} when the wait would exceed {@code maxWait}
     */
    public void acquire(String provider, Duration maxWait) throws InterruptedIOException {
        Duration wait = slots.reserve(maxWait);
        if (wait == null) {
            throw ProviderException.withoutAnswer(provider, ProviderException.Kind.RATE_LIMITED,
                    "the client-side rate limit of " + limit + " is used up for longer than "
                            + maxWait.toSeconds() + " s; not sent, try again later", null);
        }
        if (wait.isZero()) {
            return;
        }
        log.debug("{}: waiting {} ms for the rate limit ({})", provider, wait.toMillis(), limit);
        time.pause(wait, "waiting for the rate limit");
    }

    /** Books the next free slot and says how long until it; null (and nothing booked) when that is beyond maxWait. */
    synchronized Duration reserve(Duration maxWait) {
        if (grants.length == 0) {
            return Duration.ZERO;
        }
        long now = time.nanoTime();
        long slot = granted < grants.length ? now : Math.max(now, grants[oldest] + windowNanos);
        if (slot - now > maxWait.toNanos()) {
            return null;
        }
        grants[oldest] = slot;
        oldest = (oldest + 1) % grants.length;
        granted = Math.min(granted + 1, grants.length);
        return Duration.ofNanos(slot - now);
    }
}
