package io.mvinfra.http;

import java.time.Duration;
import java.util.Objects;

/** At most {@code requests} in any {@code window}: a provider's published limit, or an operator's choice. */
public record RateLimit(int requests, Duration window) {

    /** No client-side limit: for providers that publish none, unless the operator sets one. */
    public static final RateLimit NONE = new RateLimit(Integer.MAX_VALUE, Duration.ofNanos(1));

    public RateLimit {
        Objects.requireNonNull(window, "window");
        if (requests < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a rate limit needs at least 1 request in a positive window, not "
                    + requests + " in " + window);
        }
    }

    public static RateLimit of(int requests, Duration window) {
        return new RateLimit(requests, window);
    }

    public boolean isNone() {
        return equals(NONE);
    }

    @Override
    public String toString() {
        return isNone() ? "no limit" : requests + " requests per " + window.toSeconds() + " s";
    }
}
