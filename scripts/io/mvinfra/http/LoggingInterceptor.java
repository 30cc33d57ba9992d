package io.mvinfra.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;

/**
 * One DEBUG line per attempt sent and per answer (method, URL, status, duration, request id); at TRACE the
 * headers and bodies too. Everything goes through {@link Redactor} first: innermost, this interceptor sees the
 * request as signed, secrets included.
 */
public final class LoggingInterceptor implements Interceptor {

    private static final Logger log = LoggerFactory.getLogger(LoggingInterceptor.class);

    /** Bodies are redacted whole (a cut JSON document cannot be parsed, so its secret fields could not be found)… */
    private static final long MAX_REDACTED_BODY = 1024 * 1024;
    /** …and logged up to this length: a list of a thousand servers is not a log line. */
    private static final int MAX_LOGGED_BODY = 16 * 1024;

    private final ProviderDialect dialect;
    private final Auth auth;
    private final TimeSource time;

    public LoggingInterceptor(ProviderDialect dialect, Auth auth, TimeSource time) {
        this.dialect = dialect;
        this.auth = auth;
        this.time = time;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        String provider = dialect.provider();
        log.debug("{} -> {} {}", provider, request.method(), request.url());
        if (log.isTraceEnabled()) {
            log.trace("{} -> headers:\n{}body: {}", provider, Redactor.headers(request.headers()),
                    loggable(bodyOf(request.body())));
        }
        long start = time.nanoTime();
        Response response;
        try {
            response = chain.proceed(request);
        } catch (IOException failure) {
            log.debug("{} <- {} {}: no answer after {} ms ({})", provider, request.method(), request.url(),
                    TimeUnit.NANOSECONDS.toMillis(time.nanoTime() - start), failure.toString());
            throw failure;
        }
        log.debug("{} <- {} {} {} in {} ms [request id {}]", provider, response.code(), request.method(),
                request.url(), TimeUnit.NANOSECONDS.toMillis(time.nanoTime() - start), dialect.requestId(response.headers()));
        if (log.isTraceEnabled()) {
            log.trace("{} <- headers:\n{}body: {}", provider, Redactor.headers(response.headers()),
                    loggable(response.peekBody(MAX_REDACTED_BODY + 1).string()));
        }
        return response;
    }

    private String loggable(String body) {
        if (body.length() > MAX_REDACTED_BODY) {
            return "[" + MAX_REDACTED_BODY + "+ characters, not logged]";
        }
        String redacted = Redactor.body(body, auth.secrets());
        return redacted.length() <= MAX_LOGGED_BODY ? redacted
                : redacted.substring(0, MAX_LOGGED_BODY) + "… [" + redacted.length() + " characters]";
    }

    private static String bodyOf(RequestBody body) throws IOException {
        if (body == null || body.isDuplex()) {
            return "";
        }
        long length = body.contentLength();
        if (length < 0 || length > MAX_REDACTED_BODY) {
            // a streamed upload: reading it here would hold it in memory, and a stream may be read only once per attempt
            return "[" + (length < 0 ? "a stream" : length + " bytes") + " of " + body.contentType() + ", not logged]";
        }
        Buffer buffer = new Buffer();
        body.writeTo(buffer);
        return buffer.readString(Math.min(buffer.size(), MAX_REDACTED_BODY + 1), StandardCharsets.UTF_8);
    }
}
