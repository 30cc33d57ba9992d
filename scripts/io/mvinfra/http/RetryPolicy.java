package io.mvinfra.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import javax.net.ssl.SSLException;

import okhttp3.Request;

/**
 * When a failed attempt may be sent again and how long to wait first. Shared by {@link RetryInterceptor}
 * (requests safe to repeat) and {@link ProviderRequest#create} (a create, re-sent only after a look-up), so the two
 * never disagree on what is transient.
 */
public final class RetryPolicy {

    /** Answers that say "not now" rather than "no": rate limited, or a gateway without a healthy backend. */
    private static final Set<Integer> TRANSIENT_STATUSES = Set.of(429, 502, 503, 504);

    /** RFC 9110 §9.2.2: repeating these has the effect of sending them once. POST and PATCH are not among them. */
    private static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");

    private final HttpSettings settings;
    private final TimeSource time;

    public RetryPolicy(HttpSettings settings, TimeSource time) {
        this.settings = settings;
        this.time = time;
    }

    /** Marks a request that is safe to send twice although its method is not idempotent (asking for a token). */
    public enum Resend { SAFE }

    public boolean maySendAgain(Request request) {
        return IDEMPOTENT_METHODS.contains(request.method()) || request.tag(Resend.class) == Resend.SAFE;
    }

    public int maxAttempts() {
        return settings.maxAttempts();
    }

    /**
     * The wait before the next attempt after a transient answer; empty when the answer is final, the attempts are
     * spent, or the provider asks to come back later than {@link HttpSettings#maxRetryAfter()}.
     */
    public Optional<Duration> delayAfter(int attemptsMade, int status, String retryAfter) {
        Optional<Duration> asked = parseRetryAfter(retryAfter);
        // RFC 9110 §15.5.14: a 413 whose condition is temporary says so with a Retry-After (OpenStack's rate limits);
        // without one, or with 0 (how Nova and Cinder send a quota's 413), it is final.
        boolean temporary413 = status == 413 && asked.filter(d -> !d.isZero()).isPresent();
        if (attemptsMade >= settings.maxAttempts() || !(TRANSIENT_STATUSES.contains(status) || temporary413)) {
            return Optional.empty();
        }
        if (asked.isEmpty()) {
            return Optional.of(backoff(attemptsMade));
        }
        if (asked.get().compareTo(settings.maxRetryAfter()) > 0) {
            return Optional.empty();
        }
        // The provider said when; a little jitter keeps a crowd of waiting callers from coming back in one burst.
        return Optional.of(asked.get().plus(jitter(settings.initialBackoff())));
    }

    /** The wait before the next attempt after a failure without an answer; empty when it is not worth another try. */
    public Optional<Duration> delayAfter(int attemptsMade, IOException failure) {
        if (attemptsMade >= settings.maxAttempts() || !isTransient(failure)) {
            return Optional.empty();
        }
        return Optional.of(backoff(attemptsMade));
    }

    /**
     * Connection refused or reset, a read timeout, a connection closed or garbled mid-answer (a status line or chunk
     * that does not parse is a broken connection, a proxy's or the network's, more often than a provider's answer):
     * worth another try. A name that does not resolve, a certificate refused or our own cancellation (the
     * whole-call timeout) would fail the same way again.
     */
    static boolean isTransient(IOException failure) {
        if (failure instanceof UnknownHostException || failure instanceof SSLException) {
            return false;
        }
        if (failure instanceof InterruptedIOException) {
            return failure instanceof SocketTimeoutException;
        }
        return true;
    }

    /** Exponential, capped, with "equal jitter": half the step for sure, the other half at random. */
    Duration backoff(int attemptsMade) {
        long initial = settings.initialBackoff().toMillis();
        long cap = settings.maxBackoff().toMillis();
        long step = Math.min(cap, initial << Math.min(attemptsMade - 1, 20));
        return Duration.ofMillis(step / 2).plus(jitter(Duration.ofMillis(step - step / 2)));
    }

    /** Seconds ("120") or an HTTP date ("Wed, 21 Oct 2015 07:28:00 GMT"), as RFC 9110 §10.2.3 allows. */
    Optional<Duration> parseRetryAfter(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration until = Duration.between(time.now(), at);
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    private static Duration jitter(Duration upTo) {
        long bound = upTo.toMillis();
        return bound <= 0 ? Duration.ZERO : Duration.ofMillis(ThreadLocalRandom.current().nextLong(bound + 1));
    }
}
