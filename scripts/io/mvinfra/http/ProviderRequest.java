package io.mvinfra.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import javax.net.ssl.SSLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.mvinfra.http.WholeAnswerInterceptor.Answer;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * One request being built, then sent by one of its endings: {@link #send()} (the answer as is), {@link #read} (one
 * typed value), {@link #text()} (a plain-text answer), {@link #list} (every page), {@link #create} (a POST recovered
 * by a look-up, never re-sent blindly), {@link #download} (the answer streamed); {@link #readIfModified} and
 * {@link #listIfModified} read a {@code 304 Not Modified} as "nothing changed". Made by {@link ProviderHttp}, which
 * hands it all it needs to send itself (a {@link Transport}); used once.
 */
public final class ProviderRequest {

    private static final Logger log = LoggerFactory.getLogger(ProviderRequest.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    /** RFC 6902's own type; a provider wanting its own (an image service's) gets it passed by its client. */
    private static final MediaType JSON_PATCH = MediaType.get("application/json-patch+json");

    private final Transport transport;
    private final String method;
    private final HttpUrl.Builder url;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private RequestContent content;
    private String field;
    private boolean safeToResend;

    ProviderRequest(Transport transport, String method, HttpUrl url) {
        this.transport = transport;
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
        return bytes(json(value), JSON);
    }

    /** A body of text as is, e.g. a server's user data: {@code body(cloudInit, MediaType.get("text/plain"))}. */
    public ProviderRequest body(String text, MediaType type) {
        return bytes(text.getBytes(type.charset(StandardCharsets.UTF_8)), type);
    }

    /** An RFC 6902 JSON patch, sent as {@code application/json-patch+json}. */
    public ProviderRequest jsonPatch(List<JsonPatch> operations) {
        return jsonPatch(operations, JSON_PATCH);
    }

    /** A JSON patch under the provider's own media type, e.g. {@code application/openstack-images-v2.1-json-patch}. */
    public ProviderRequest jsonPatch(List<JsonPatch> operations, MediaType type) {
        return bytes(json(List.copyOf(operations)), type);
    }

    /**
     * A streamed body (an image to upload): {@code source} is opened for each attempt and copied through a small
     * buffer, never held in memory; give a fresh stream each time, since a retried PUT reads it again.
     *
     * @param contentLength in bytes, or -1 when unknown (then sent chunked)
     */
    public ProviderRequest upload(Supplier<InputStream> source, long contentLength, MediaType type) {
        this.content = new RequestContent.Stream(source, contentLength, type);
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
     * request line and the body, {@code POST https://…/zones/…/dns_records {"type":"A",…}}; a streamed body by its
     * size, {@code <1073741824 bytes of application/octet-stream>}. No header: the credential never shows; a body
     * field named like a secret is masked.
     */
    public String describe() {
        String line = method + " " + url.build();
        return content == null ? line : line + " " + content.describe(transport.auth().secrets());
    }

    /** Sends; the answer when it is a success or a {@code 304 Not Modified}, a {@link ProviderException} otherwise. */
    public ProviderResponse send() {
        return send(url.build());
    }

    /** The answer's payload (or its {@link #at field}) as a {@code type}. */
    public <T> T read(Class<T> type) {
        return convert(send(), type);
    }

    /** As {@link #read}, but empty when the provider answers {@code 304 Not Modified}. */
    public <T> Optional<T> readIfModified(Class<T> type) {
        ProviderResponse response = send();
        return response.notModified() ? Optional.empty() : Optional.of(convert(response, type));
    }

    /** The answer's body as text, for an answer that is not JSON (a console log, a plain-text status). */
    public String text() {
        return send().text();
    }

    /** Every item of every page, or a {@link ProviderException}: never part of a list. */
    public <T> List<T> list(Class<T> type) {
        return listIfModified(type).orElseThrow(this::notModifiedList);
    }

    /**
     * As {@link #list}, but empty when the provider answers the first page with {@code 304 Not Modified}: nothing
     * changed since what the request asked about (a {@code changes-since} query, an {@code If-None-Match}).
     */
    public <T> Optional<List<T>> listIfModified(Class<T> type) {
        ProviderResponse firstPage = firstPage();
        return firstPage.notModified() ? Optional.empty() : Optional.of(pages().readAll(firstPage, type));
    }

    /**
     * Hands every page of the list to {@code handler} in order as it arrives, while the later pages are fetched, so
     * that what a caller does with a page overlaps the round trips of the next; a {@link ProviderException} (or what
     * the handler threw) once a page fails, after the pages handed before it. Only the return of this method says the
     * list is complete: an item's absence means nothing before then.
     */
    public <T, X extends Exception> void eachPage(Class<T> type, Pages.Handler<T, X> handler) throws X {
        ProviderResponse firstPage = firstPage();
        if (firstPage.notModified()) {
            throw notModifiedList();
        }
        pages().readEach(firstPage, type, handler);
    }

    private ProviderException notModifiedList() {
        return unexpected(method + " " + url.build().encodedPath()
                + " answered 304 Not Modified to a list that asked for every item; use listIfModified");
    }

    private ProviderResponse firstPage() {
        if (!"GET".equals(method)) {
            throw new IllegalStateException("a list is read with GET, not " + method);
        }
        return send(transport.dialect().firstPage(url.build()));
    }

    private Pages pages() {
        return new Pages(transport.dialect(), field, this::send, transport.pages(), transport.settings().pageConcurrency());
    }

    /**
     * The answer's body as a stream, for an answer too large to hold (image data): {@code reader} reads it while the
     * connection is open. Sent, retried and refused as any request; once the body has begun it is not retried (what
     * was read may already be written somewhere), and a connection that breaks mid-body is a
     * {@link ProviderException.Kind#TIMEOUT} saying so.
     */
    public <T> T download(BodyReader<T> reader) {
        HttpUrl target = url.build();
        Request request = request(target).newBuilder().tag(Answer.class, Answer.STREAMED).build();
        try (Response response = client().newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw refusal(ProviderResponse.read(response));
            }
            try (InputStream body = response.body().byteStream()) {
                return reader.read(body, response.headers());
            } catch (InterruptedIOException timedOut) {
                throw noAnswer(target, timedOut);
            } catch (IOException broken) {
                throw noAnswer(target, new WholeAnswerInterceptor.BrokenAnswerException(response.code(), broken));
            }
        } catch (IOException failure) {
            throw noAnswer(target, failure);
        }
    }

    /** Streams the answer's body into {@code out} (which stays open); the number of bytes written. */
    public long download(OutputStream out) {
        return download((body, headers) -> body.transferTo(out));
    }

    /** Reads a streamed answer's body while its connection is open. */
    @FunctionalInterface
    public interface BodyReader<T> {
        T read(InputStream body, Headers headers) throws IOException;
    }

    /**
     * Sends a create once. When that attempt ends in doubt (no answer, an answer broken off, 429, 502, 503, 504, or a
     * success whose body does not read) the resource may exist nonetheless: after the back-off, {@code lookup} is
     * asked for it, and only when it finds nothing is the create sent again (a success that does not read is not
     * re-sent: the provider said it created). Cloudflare, Scaleway and Nova offer no idempotency key; this is the
     * safe way round.
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
                return convertCreated(outcome.response, type, lookup);
            }
            Optional<Duration> wait = outcome.response != null
                    ? transport.retries().delayAfter(attempt, outcome.response.status(), outcome.response.header("Retry-After"))
                    : transport.retries().delayAfter(attempt, outcome.failure);
            if (wait.isEmpty()) {
                throw failureOf(outcome, target);
            }
            log.warn("{} POST {}: {}; looking for the resource in {} ms before sending again", provider(),
                    target.encodedPath(), outcome, wait.get().toMillis());
            pause(wait.get(), target);
            Optional<T> existing = lookUp(lookup, failureOf(outcome, target));
            if (existing.isPresent()) {
                log.info("{} POST {}: the resource exists, the create went through; not sending it again", provider(),
                        target.encodedPath());
                return existing.get();
            }
            log.warn("{} POST {}: not found, sending the create again (attempt {} of {})", provider(),
                    target.encodedPath(), attempt + 1, transport.retries().maxAttempts());
        }
    }

    /** A created resource whose answer does not read is looked up rather than left untracked at the provider. */
    private <T> T convertCreated(ProviderResponse created, Class<T> type, Supplier<Optional<T>> lookup) {
        try {
            return convert(created, type);
        } catch (ProviderException unreadable) {
            log.warn("{} POST {} answered {} but {}; looking the resource up", provider(), created.url().encodedPath(),
                    created.status(), unreadable.providerMessage());
            return lookUp(lookup, unreadable).orElseThrow(() -> unreadable);
        }
    }

    private <T> Optional<T> lookUp(Supplier<Optional<T>> lookup, ProviderException doubt) {
        try {
            return lookup.get();
        } catch (RuntimeException lookupFailed) {
            // Unknown whether the create went through: sending it again could duplicate the resource.
            lookupFailed.addSuppressed(doubt);
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
        try (Response response = client().newCall(request(target)).execute()) {
            return new Attempt(ProviderResponse.read(response), null);
        } catch (IOException failure) {
            return new Attempt(null, failure);
        }
    }

    /**
     * One-shot: OkHttp must not re-send a POST or PATCH by itself after a broken connection; create() decides. Nor
     * may such a body ride a pooled connection the server may have closed meanwhile (an HTTP/1.0 server does after
     * each answer): that failure cannot be told from a create that arrived, and OkHttp would not replay it.
     */
    private boolean oneShot() {
        return ("POST".equals(method) || "PATCH".equals(method)) && !safeToResend;
    }

    private OkHttpClient client() {
        return oneShot() ? transport.unpooled() : transport.client();
    }

    private Request request(HttpUrl target) {
        Request.Builder request = new Request.Builder().url(target)
                .header("Accept", "application/json")
                .header("User-Agent", transport.settings().userAgent());
        transport.headers().forEach(request::header);
        headers.forEach(request::header);
        boolean needsBody = content != null || "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
        RequestContent sent = content != null ? content : new RequestContent.Bytes(new byte[0], JSON);
        request.method(method, needsBody ? sent.body(oneShot()) : null);
        if (safeToResend) {
            request.tag(RetryPolicy.Resend.class, RetryPolicy.Resend.SAFE);
        }
        return request.build();
    }

    private ProviderRequest bytes(byte[] bytes, MediaType type) {
        this.content = new RequestContent.Bytes(bytes, type);
        return this;
    }

    private byte[] json(Object value) {
        try {
            return transport.dialect().json().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private <T> T convert(ProviderResponse response, Class<T> type) {
        String what = method + " " + response.url().encodedPath();
        if (response.notModified()) {
            throw unexpected(what + " answered 304 Not Modified, which holds no " + type.getSimpleName()
                    + "; use readIfModified");
        }
        Optional<String> malformed = response.jsonProblem();
        if (malformed.isPresent()) {
            throw unexpected(Pages.malformed(what, malformed.get()));
        }
        JsonNode node = transport.dialect().payload(response.json());
        if (field != null) {
            node = node.path(field);
        }
        if (node.isMissingNode()) {
            throw unexpected(what + " answered without " + (field == null ? "a JSON body" : "'" + field + "'"));
        }
        return Pages.convert(node, transport.dialect(), type);
    }

    private ProviderException unexpected(String message) {
        return ProviderException.withoutAnswer(provider(), ProviderException.Kind.UNEXPECTED_ANSWER, message, null);
    }

    private ProviderException failureOf(Attempt outcome, HttpUrl target) {
        return outcome.response != null ? refusal(outcome.response) : noAnswer(target, outcome.failure);
    }

    /** The dialect reads the provider's error from a body scrubbed of the credential's secrets. */
    private ProviderException refusal(ProviderResponse response) {
        return transport.dialect().toException(response.withText(Redactor.scrub(response.text(), transport.auth().secrets())));
    }

    /**
     * Without an answer, what matters is whether the request may have been acted on: a connection never made means
     * certainly not; one that broke after the request went out (a reset, an answer cut short) means perhaps, which
     * is a doubt like a timeout, not "unavailable".
     */
    private ProviderException noAnswer(HttpUrl target, IOException failure) {
        HttpSettings settings = transport.settings();
        if (failure instanceof InterruptedIOException) {
            return ProviderException.withoutAnswer(provider(), ProviderException.Kind.TIMEOUT,
                    "no answer to " + method + " " + target + " in time (connect " + readable(settings.connectTimeout())
                            + ", read " + readable(settings.readTimeout()) + ", whole call " + readable(settings.callTimeout())
                            + "): " + failure.getMessage(), failure);
        }
        if (neverReached(failure)) {
            return ProviderException.withoutAnswer(provider(), ProviderException.Kind.UNAVAILABLE,
                    "could not reach " + target.host() + ":" + target.port() + " for " + method + " "
                            + target.encodedPath() + ": " + failure, failure);
        }
        return ProviderException.withoutAnswer(provider(), ProviderException.Kind.TIMEOUT,
                "the connection broke while reading the answer to " + method + " " + target
                        + " (the request may have been acted on): "
                        + (failure instanceof WholeAnswerInterceptor.BrokenAnswerException ? failure.getMessage() : failure),
                failure);
    }

    private static boolean neverReached(IOException failure) {
        return failure instanceof ConnectException || failure instanceof NoRouteToHostException
                || failure instanceof UnknownHostException || failure instanceof PortUnreachableException
                || failure instanceof SSLException;
    }

    private static String readable(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private void pause(Duration wait, HttpUrl target) {
        try {
            transport.time().pause(wait, "waiting to look up the resource of POST " + target.encodedPath());
        } catch (InterruptedIOException interrupted) {
            throw noAnswer(target, interrupted);
        }
    }

    private String provider() {
        return transport.provider();
    }

    /** One send's outcome: an answer, or the failure that left us without one. */
    private record Attempt(ProviderResponse response, IOException failure) {
        boolean succeeded() {
            return response != null && (response.isSuccessful() || response.notModified());
        }

        @Override
        public String toString() {
            return response != null ? "answered " + response.status() : "no answer (" + failure + ")";
        }
    }
}
