package io.mvinfra.host.web.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after too many failed logins for one user name, or from one address, within
 * a window, further attempts are refused until the window slides past them. A success clears the name.
 */
final class LoginThrottle {
    private final int maxPerName;
    private final int maxPerAddress;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginThrottle(int maxPerName, int maxPerAddress, Duration window, Clock clock) {
        this.maxPerName = maxPerName;
        this.maxPerAddress = maxPerAddress;
        this.window = window;
        this.clock = clock;
    }

    /** Seconds to wait before trying again, 0 when an attempt is allowed now. */
    long retryAfterSeconds(String name, String address) {
        return Math.max(wait("name:" + name, maxPerName), wait("address:" + address, maxPerAddress));
    }

    void failed(String name, String address) {
        Instant now = clock.instant();
        if (failures.size() > 10_000) {
            // names cycled by a guesser: forget the ones whose failures are all out of the window
            failures.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    return e.getValue().isEmpty() || e.getValue().peekLast().plus(window).isBefore(now);
                }
            });
        }
        for (String key : new String[] {"name:" + name, "address:" + address}) {
            Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (times) {
                times.addLast(now);
            }
        }
    }

    void succeeded(String name) {
        failures.remove("name:" + name);
    }

    private long wait(String key, int max) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        Instant now = clock.instant();
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst().plus(window).isBefore(now)) {
                times.removeFirst();
            }
            if (times.size() < max) {
                return 0;
            }
            return Math.max(1, Duration.between(now, times.peekFirst().plus(window)).toSeconds());
        }
    }
}
