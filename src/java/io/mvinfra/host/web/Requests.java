package io.mvinfra.host.web;

import java.time.Duration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.javalin.http.Context;

/** Reading what a request sends, with a 400 that says what was wrong instead of a stack trace. */
public final class Requests {
    /** Below the idle timeouts of common proxies and of Jetty (30 s): a longer wait is a poll loop. */
    public static final int MAX_WAIT_SECONDS = 20;

    private Requests() {
    }

    public static <T> T body(Context ctx, Class<T> type) {
        String body = ctx.body();
        if (body.isBlank()) {
            throw ApiException.badRequest("this request needs a JSON body");
        }
        try {
            T value = Json.MAPPER.readValue(body, type);
            if (value == null) {
                throw ApiException.badRequest("this request needs a JSON object, not null");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.badRequest("unknown property '" + e.getPropertyName() + "' (known: " + e.getKnownPropertyIds() + ")");
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("the body is not the JSON expected: " + e.getOriginalMessage());
        }
    }

    /** An optional body: an empty one gives {@code empty}. */
    public static <T> T bodyOr(Context ctx, Class<T> type, T empty) {
        return ctx.body().isBlank() ? empty : body(ctx, type);
    }

    public static int intParam(Context ctx, String name, int fallback, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min || value > max) {
                throw ApiException.badRequest(name + " must be between " + min + " and " + max + ", is " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be a whole number, is '" + raw + "'");
        }
    }

    public static Long longParam(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be a whole number, is '" + raw + "'");
        }
    }

    /** {@code ?wait=<seconds>}: how long the caller will hold the request open for a result. */
    public static Duration waitParam(Context ctx, int fallbackSeconds) {
        return Duration.ofSeconds(intParam(ctx, "wait", fallbackSeconds, 0, MAX_WAIT_SECONDS));
    }
}
