package io.mvinfra.host.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.mvinfra.host.runtime.HostException;
import io.mvinfra.host.store.StoreException;

/**
 * Every failure becomes {@code {"error": "...", "violations": [{"field","rule","message"}]}} here, in one place.
 * Messages of expected failures are written for the operator and carry no secret (the store masks them);
 * an unexpected exception's text might, so it goes to the log and the client gets a generic line.
 */
final class ApiErrors {
    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    private ApiErrors() {
    }

    static void register(Javalin app) {
        app.exception(ApiException.class, (e, ctx) -> respond(ctx, e.status(), e.getMessage(), List.of()));
        app.exception(StoreException.class, (e, ctx) -> respond(ctx, status(e), e.getMessage(), e.violations()));
        app.exception(HostException.class, (e, ctx) -> respond(ctx, e.kind() == HostException.Kind.BAD_INPUT ? 400 : 500, e.getMessage(), List.of()));
        app.exception(HttpResponseException.class, (e, ctx) -> respond(ctx, e.getStatus(), e.getMessage(), List.of()));
        app.exception(Exception.class, (e, ctx) -> {
            String reference = java.util.HexFormat.of().toHexDigits(java.util.concurrent.ThreadLocalRandom.current().nextInt());
            log.error("[ref {}] {} {} failed", reference, ctx.method(), ctx.path(), e);
            respond(ctx, 500, "internal error: the host's log has the details, reference " + reference, List.of());
        });
    }

    static int status(StoreException e) {
        return switch (e.kind()) {
            case INVALID -> e.violations().isEmpty() ? 400 : 422;
            case NOT_FOUND -> 404;
            case STALE, IN_USE -> 409;
            case UNAVAILABLE -> 503;
        };
    }

    private static void respond(Context ctx, int status, String message, List<StoreException.Violation> violations) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        if (!violations.isEmpty()) {
            body.put("violations", violations.stream().map(v -> Map.of("field", v.field(), "rule", v.rule(), "message", v.message())).toList());
        }
        ctx.status(status).json(body);
    }
}
