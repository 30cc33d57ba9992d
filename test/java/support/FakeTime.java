package support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.mvinfra.http.TimeSource;

/** Time that moves only when someone sleeps (or the test says so), and remembers every sleep. */
public final class FakeTime implements TimeSource {

    private Instant now;
    private long nanos = 1_000_000_000L;
    private final List<Duration> sleeps = new ArrayList<>();

    /** Starts at 2026-01-15T10:00:00Z, when the fixtures' Keystone tokens are issued. */
    public FakeTime() {
        this(Instant.parse("2026-01-15T10:00:00Z"));
    }

    public FakeTime(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized long nanoTime() {
        return nanos;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        advance(duration);
    }

    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
        nanos += duration.toNanos();
    }

    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    public synchronized Duration slept() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
