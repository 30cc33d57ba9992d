package io.mvinfra.scaleway.backups;

import java.util.LinkedHashMap;
import java.util.Map;

import io.mvinfra.http.TimeSource;

/** How long each step took, in milliseconds on the HTTP layer's clock, in the order they ran. */
final class StepTimer {

    private final TimeSource time;
    private final Map<String, Long> millis = new LinkedHashMap<>();
    private Step current;
    private long started;

    StepTimer(TimeSource time) {
        this.time = time;
    }

    /** Ends the step running (if any) and starts {@code next}. */
    void start(Step next) {
        end();
        current = next;
        started = time.nanoTime();
    }

    /** Ends the step running. */
    void end() {
        if (current != null) {
            millis.merge(current.code(), (time.nanoTime() - started) / 1_000_000, Long::sum);
            current = null;
        }
    }

    /** The step running, or the last one started when none is. */
    Step current() {
        return current;
    }

    Map<String, Long> millis() {
        return new LinkedHashMap<>(millis);
    }
}
