package io.mvinfra.host.web.auth;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

/**
 * The session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site sends it), Secure
 * when served over HTTPS. Its name carries the port because browsers share cookies across the ports of
 * one host: two hosts on 127.0.0.1 must not log each other out.
 */
final class SessionCookie {
    private SessionCookie() {
    }

    static String name(Context ctx) {
        return "mvinfra_session_" + ctx.req().getLocalPort();
    }

    static String read(Context ctx) {
        return ctx.cookie(name(ctx));
    }

    static void set(Context ctx, String sessionId) {
        ctx.cookie(cookie(ctx, sessionId, -1));
    }

    static void clear(Context ctx) {
        ctx.cookie(cookie(ctx, "", 0));
    }

    private static Cookie cookie(Context ctx, String value, int maxAge) {
        return new Cookie(name(ctx), value, "/", maxAge, "https".equals(ctx.scheme()), 0, true, null, null, SameSite.STRICT);
    }
}
