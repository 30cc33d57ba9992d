package io.mvinfra.http;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Polls a resource until it reaches a wanted state: a server booting to {@code running}, an image to {@code active},
 * a volume to {@code available}. Fails fast when the resource goes a way that rules the wanted state out (waiting for
 * {@code running}, it went {@code stopped} or {@code error}), and at the deadline with the last state seen and the time
 * waited; says each look to a progress callback so an operator sees it move. Looks come further apart as the wait
 * goes on (×1.5 up to a ceiling): a boot that takes minutes need not cost a request every two seconds. Waits on the
 * layer's {@link TimeSource}, so a test runs ten minutes of waiting in no time.
 * <pre>{@code
 * String state = StateWait.of(dialect.provider(), "server web-1", runtime.time(), () -> client.server(id).state())
 *         .until("running").failingOn("stopped", "locked").within(Duration.ofMinutes(10))
 *         .onProgress(p -> action.progress(p.state() + " after " + p.elapsed().toSeconds() + " s"))
 *         .await();
 * }</pre>
 * Failures are {@link ProviderException}s: {@link ProviderException.Kind#TIMEOUT} at the deadline,
 * {@link ProviderException.Kind#CONFLICT} on a contradicting state; whatever the state supplier throws passes as is.
 */
public final class StateWait<S> {

    /** One look: the state seen, how long since the wait began, and which look this was (from 1). */
    public record Progress<S>(S state, Duration elapsed, int attempt) {
    }

    private final String provider;
    private final String what;
    private final TimeSource time;
    private final Supplier<S> current;
    private Set<S> wanted = Set.of();
    private Set<S> contradicting = Set.of();
    private Duration deadline = Duration.ofMinutes(10);
    private Duration firstInterval = Duration.ofSeconds(2);
    private Duration maxInterval = Duration.ofSeconds(30);
    private Consumer<Progress<S>> progress = look -> { };

    private StateWait(String provider, String what, TimeSource time, Supplier<S> current) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.what = Objects.requireNonNull(what, "what");
        this.time = Objects.requireNonNull(time, "time");
        this.current = Objects.requireNonNull(current, "current");
    }

    /**
     * @param what    the resource as messages name it: {@code server web-1}
     * @param current asks the provider for the resource's state now
     */
    public static <S> StateWait<S> of(String provider, String what, TimeSource time, Supplier<S> current) {
        return new StateWait<>(provider, what, time, current);
    }

    @SafeVarargs
    public final StateWait<S> until(S... states) {
        this.wanted = Set.of(states);
        return this;
    }

    /** States from which the wanted one will not come by itself. */
    @SafeVarargs
    public final StateWait<S> failingOn(S... states) {
        this.contradicting = Set.of(states);
        return this;
    }

    public StateWait<S> within(Duration value) {
        this.deadline = Objects.requireNonNull(value, "deadline");
        return this;
    }

    /** The first wait between two looks, and the longest once they have grown. */
    public StateWait<S> every(Duration first, Duration max) {
        this.firstInterval = Objects.requireNonNull(first, "first");
        this.maxInterval = Objects.requireNonNull(max, "max");
        return this;
    }

    public StateWait<S> onProgress(Consumer<Progress<S>> callback) {
        this.progress = Objects.requireNonNull(callback, "callback");
        return this;
    }

    /** Looks until the wanted state, and returns it. */
    public S await() {
        if (wanted.isEmpty()) {
            throw new IllegalStateException("waiting for " + what + " without a wanted state");
        }
        long start = time.nanoTime();
        Duration interval = firstInterval;
        for (int attempt = 1; ; attempt++) {
            S state = current.get();
            Duration elapsed = Duration.ofNanos(time.nanoTime() - start);
            progress.accept(new Progress<>(state, elapsed, attempt));
            if (wanted.contains(state)) {
                return state;
            }
            String looks = readable(elapsed) + ", " + attempt + (attempt == 1 ? " look" : " looks");
            if (contradicting.contains(state)) {
                throw failure(ProviderException.Kind.CONFLICT, what + " went " + state + " while waiting for "
                        + wantedText() + " (after " + looks + ")", null);
            }
            Duration left = deadline.minus(elapsed);
            if (left.isNegative() || left.isZero()) {
                throw failure(ProviderException.Kind.TIMEOUT, what + " is still " + state + " after " + looks
                        + ", waiting for " + wantedText(), null);
            }
            pause(interval.compareTo(left) < 0 ? interval : left, state);
            Duration grown = Duration.ofMillis(interval.toMillis() * 3 / 2);
            interval = grown.compareTo(maxInterval) < 0 ? grown : maxInterval;
        }
    }

    private void pause(Duration wait, S state) {
        try {
            time.pause(wait, "waiting for " + what + " to be " + wantedText());
        } catch (InterruptedIOException interrupted) {
            throw failure(ProviderException.Kind.TIMEOUT, "interrupted while waiting for " + what + " to be "
                    + wantedText() + " (last seen " + state + ")", interrupted);
        }
    }

    private String wantedText() {
        return wanted.size() == 1 ? String.valueOf(wanted.iterator().next()) : "one of " + wanted;
    }

    private ProviderException failure(ProviderException.Kind kind, String message, Throwable cause) {
        return new ProviderException(provider, kind, 0, List.of(), message, null, cause);
    }

    /** {@code 800 ms}, {@code 45 s}, {@code 5 min 3 s}. */
    private static String readable(Duration duration) {
        if (duration.toSeconds() < 1) {
            return duration.toMillis() + " ms";
        }
        long minutes = duration.toMinutes();
        long seconds = duration.toSecondsPart();
        return minutes == 0 ? seconds + " s" : minutes + " min" + (seconds == 0 ? "" : " " + seconds + " s");
    }
}
