package io.mvinfra.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;

/**
 * One request being built, then sent by one of its endings: {@link #send()} (the answer as is), {@link #read}
 * (one typed value), {@link #list} (every page), {@link #create} (a POST recovered by a look-up, never re-sent
 * blindly). Made by {@link ProviderHttp}; used once.
 */
public final class ProviderRequest {

    private static final Logger log = LoggerFactory.getLogger(ProviderRequest.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final ProviderHttp http;
    private final String method;
    private final HttpUrl.Builder url;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private byte[] body;
    private String field;
    private boolean safeToResend;

    ProviderRequest(ProviderHttp http, String method, HttpUrl url) {
        this.http = http;
        this.method = method;
        this.url = url.newBuilder();
    }

    /** Adds a query parameter; a null value adds nothing, so optional filters need no if. */
    public ProviderRequest query(String name, Object value) {
        if (value != null) {
            url.addQueryParameter(name, String.valueOf(value));
        }
        return this;
    }

    public ProviderRequest header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** The JSON body: a record, a map or a {@link JsonNode}, written with the dialect's mapper (snake_case). */
    public ProviderRequest body(Object value) {
        try {
            this.body = http.dialect().json().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
        return this;
    }

    /** Where the value sits in the answer's payload: {@code at("server")} for Nova's {@code {"server": {…}}}. */
    public ProviderRequest at(String payloadField) {
        this.field = payloadField;
        return this;
    }

    /**
     * Marks a POST that does no harm when sent twice (asking Keystone for a token, a search), so it is retried like
     * a GET. Never for a create or an action.
     */
    public ProviderRequest safeToResend() {
        this.safeToResend = true;
        return this;
    }

    /**
     * What {@link #send()} would put on the wire, for an operator to read before anything is sent (a dry run): the
     * request line and the JSON body, {@code POST https://…/zones/…/dns_records {"type":"A",…}}. No header: the
     * credential never shows; a body field named like a secret is masked.
     */
    public String describe() {
        String line = method + " " + url.build();
        return body == null ? line : line + " " + Redactor.body(new String(body, StandardCharsets.UTF_8), http.auth().secrets());
    }

    /** Sends; the answer when it is a success, a {@link ProviderException} otherwise. */
    public ProviderResponse send() {
        return send(url.build());
    }

    /** The answer's payload (or its {@link #at field}) as a {@code type}. */
    public <T> T read(Class<T> type) {
        return convert(send(), type);
    }

    /** Every item of every page, or a {@link ProviderException}: never part of a list. */
    public <T> List<T> list(Class<T> type) {
        if (!"GET".equals(method)) {
            throw new IllegalStateException("a list is read with GET, not " + method);
        }
        return Pages.readAll(url.build(), this::send, http.dialect(), field, type);
    }

    /**
     * Sends a create once. When that attempt ends in doubt (no answer, or 429, 502, 503, 504) the resource may exist
     * nonetheless: after the back-off, {@code lookup} is asked for it, and only when it finds nothing is the create
     * sent again. Cloudflare, Scaleway and Nova offer no idempotency key; this is the safe way round.
     * <p>
     * After a timeout the provider may still be creating, so a look-up can miss a create that then completes: make
     * {@code lookup} match on what makes the resource unique (a name, a record's type + name + content), so the
     * provider's own conflict answer (Cloudflare 81057) catches the rare late one.
     *
     * @param lookup finds the resource this request would create, or empty; it may call the provider
     */
    public <T> T create(Class<T> type, Supplier<Optional<T>> lookup) {
        if (!"POST".equals(method)) {
            throw new IllegalStateException("create is a POST, not " + method);
        }
        Objects.requireNonNull(lookup, "lookup");
        HttpUrl target = url.build();
        for (int attempt = 1; ; attempt++) {
            Attempt outcome = attempt(target);
            if (outcome.succeeded()) {
                return convert(outcome.response, type);
            }
            Optional<Duration> wait = outcome.response != null
                    ? http.retries().delayAfter(attempt, outcome.response.status(), outcome.response.header("Retry-After"))
                    : http.retries().delayAfter(attempt, outcome.failure);
            if (wait.isEmpty()) {
                throw failureOf(outcome, target);
            }
            log.warn("{} POST {}: {}; looking for the resource in {} ms before sending again", provider(),
                    target.encodedPath(), outcome, wait.get().toMillis());
            pause(wait.get(), target);
            Optional<T> existing = lookUp(lookup, outcome, target);
            if (existing.isPresent()) {
                log.info("{} POST {}: the resource exists, the create went through; not sending it again", provider(),
                        target.encodedPath());
                return existing.get();
            }
            log.warn("{} POST {}: not found, sending the create again (attempt {} of {})", provider(),
                    target.encodedPath(), attempt + 1, http.retries().maxAttempts());
        }
    }

    private <T> Optional<T> lookUp(Supplier<Optional<T>> lookup, Attempt outcome, HttpUrl target) {
        try {
            return lookup.get();
        } catch (RuntimeException lookupFailed) {
            // Unknown whether the create went through: sending it again could duplicate the resource.
            lookupFailed.addSuppressed(failureOf(outcome, target));
            throw lookupFailed;
        }
    }

    private ProviderResponse send(HttpUrl target) {
        Attempt outcome = attempt(target);
        if (!outcome.succeeded()) {
            throw failureOf(outcome, target);
        }
        return outcome.response;
    }

    private Attempt attempt(HttpUrl target) {
        try (Response response = http.client().newCall(request(target)).execute()) {
            return new Attempt(ProviderResponse.read(response), null);
        } catch (IOException failure) {
            return new Attempt(null, failure);
        }
    }

    private Request request(HttpUrl target) {
        Request.Builder request = new Request.Builder().url(target)
                .header("Accept", "application/json")
                .header("User-Agent", http.settings().userAgent());
        http.headers().forEach(request::header);
        headers.forEach(request::header);
        boolean needsBody = body != null || "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
        // One-shot: OkHttp must not re-send a POST or PATCH by itself after a broken connection; create() decides.
        boolean oneShot = ("POST".equals(method) || "PATCH".equals(method)) && !safeToResend;
        request.method(method, needsBody ? new JsonBody(body == null ? new byte[0] : body, oneShot) : null);
        if (safeToResend) {
            request.tag(RetryPolicy.Resend.class, RetryPolicy.Resend.SAFE);
        }
        return request.build();
    }

    private <T> T convert(ProviderResponse response, Class<T> type) {
        JsonNode node = http.dialect().payload(response.json());
        if (field != null) {
            node = node.path(field);
        }
        if (node.isMissingNode()) {
            throw ProviderException.withoutAnswer(provider(), ProviderException.Kind.UNEXPECTED_ANSWER,
                    method + " " + response.url().encodedPath() + " answered without "
                            + (field == null ? "a JSON body" : "'" + field + "'"), null);
        }
        return Pages.convert(node, http.dialect(), type);
    }

    private ProviderException failureOf(Attempt outcome, HttpUrl target) {
        return outcome.response != null ? refusal(outcome.response) : noAnswer(target, outcome.failure);
    }

    /** The dialect reads the provider's error from a body scrubbed of the credential's secrets. */
    private ProviderException refusal(ProviderResponse response) {
        return http.dialect().toException(response.withText(Redactor.scrub(response.text(), http.auth().secrets())));
    }

    private ProviderException noAnswer(HttpUrl target, IOException failure) {
        HttpSettings settings = http.settings();
        if (failure instanceof InterruptedIOException) {
            return ProviderException.withoutAnswer(provider(), ProviderException.Kind.TIMEOUT,
                    "no answer to " + method + " " + target + " in time (connect " + readable(settings.connectTimeout())
                            + ", read " + readable(settings.readTimeout()) + ", whole call " + readable(settings.callTimeout())
                            + "): " + failure.getMessage(), failure);
        }
        return ProviderException.withoutAnswer(provider(), ProviderException.Kind.UNAVAILABLE,
                "could not reach " + target.host() + ":" + target.port() + " for " + method + " "
                        + target.encodedPath() + ": " + failure, failure);
    }

    private static String readable(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private void pause(Duration wait, HttpUrl target) {
        try {
            http.time().pause(wait, "waiting to look up the resource of POST " + target.encodedPath());
        } catch (InterruptedIOException interrupted) {
            throw noAnswer(target, interrupted);
        }
    }

    private String provider() {
        return http.dialect().provider();
    }

    /** One send's outcome: an answer, or the failure that left us without one. */
    private record Attempt(ProviderResponse response, IOException failure) {
        boolean succeeded() {
            return response != null && response.isSuccessful();
        }

        @Override
        public String toString() {
            return response != null ? "answered " + response.status() : "no answer (" + failure + ")";
        }
    }

    /** JSON bytes, written as often as asked; one-shot tells OkHttp not to replay it by itself. */
    private static final class JsonBody extends RequestBody {
        private final byte[] bytes;
        private final boolean oneShot;

        JsonBody(byte[] bytes, boolean oneShot) {
            this.bytes = bytes;
            this.oneShot = oneShot;
        }

        @Override
        public MediaType contentType() {
            return JSON;
        }

        @Override
        public long contentLength() {
            return bytes.length;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            sink.write(bytes);
        }

        @Override
        public boolean isOneShot() {
            return oneShot;
        }
    }
}
