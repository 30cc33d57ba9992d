package io.mvinfra.http;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;

/**
 * Where the HTTP layer reads the time and waits: retries, Retry-After, the rate limiter and token expiry all go
 * through it, so a test can run minutes of back-off in microseconds and say exactly how long was waited.
 */
public interface TimeSource {

    /** Wall-clock time, for dates the providers send (Retry-After as a date, a token's expires_at). */
    Instant now();

    /** Monotonic time, for measuring intervals (rate-limit windows, durations in logs). */
    long nanoTime();

    void sleep(Duration duration) throws InterruptedException;

    /**
     * {@link #sleep} for code that may only fail with an IOException (OkHttp's interceptors): an interrupt ends the
     * call, the thread keeping its interrupted flag.
     */
    default void pause(Duration duration, String why) throws InterruptedIOException {
        try {
            sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while " + why);
        }
    }

    TimeSource SYSTEM = new TimeSource() {
        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
            }
        }

        @Override
        public String toString() {
            return "TimeSource.SYSTEM";
        }
    };
}
