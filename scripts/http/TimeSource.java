package http;

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
