package io.mvinfra.host.web.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.mvinfra.host.web.ApiException;

/**
 * Refuses a state change another site could have triggered. Every POST, PUT, PATCH and DELETE must carry
 * the session's token in {@value #HEADER}: another origin can neither read the token nor set a custom
 * header without a CORS preflight, which this server never grants. A body must be JSON (an HTML form
 * cannot send that), and an {@code Origin} header, when the browser sends one, must be this server.
 * The login is the one call without a token (there is no session yet); the JSON and Origin rules still hold.
 */
public final class CsrfFilter implements Handler {
    public static final String HEADER = "X-CSRF-Token";
    private static final Set<HandlerType> STATE_CHANGING = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

    @Override
    public void handle(Context ctx) {
        if (!STATE_CHANGING.contains(ctx.method())) {
            return;
        }
        checkOrigin(ctx);
        if (!ctx.body().isEmpty() && !isJson(ctx.contentType())) {
            throw new ApiException(415, "send the request body as application/json");
        }
        if (ctx.method() == HandlerType.POST && ctx.path().equals("/api/session")) {
            return;
        }
        Sessions.Session session = Access.session(ctx).orElseThrow(() -> new ApiException(403,
                "no session: GET /api/session first, then send its csrfToken in the " + HEADER + " header"));
        String sent = ctx.header(HEADER);
        if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), session.csrfToken().getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(403, "missing or wrong " + HEADER + " header (GET /api/session gives the token)");
        }
    }

    private static void checkOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null) {
            return;
        }
        try {
            URI from = URI.create(origin);
            URI self = URI.create(from.getScheme() + "://" + ctx.header("Host"));
            if (from.getHost() != null && authority(from).equalsIgnoreCase(authority(self))) {
                return;
            }
        } catch (IllegalArgumentException e) {
            // an unparseable Origin or Host is refused like a foreign one
        }
        throw new ApiException(403, "cross-origin request refused (Origin " + origin + ")");
    }

    private static String authority(URI uri) {
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getHost() + ":" + port;
    }

    private static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json");
    }
}
