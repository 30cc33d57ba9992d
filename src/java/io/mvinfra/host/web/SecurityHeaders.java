package io.mvinfra.host.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * Headers on every response. The CSP allows scripts and styles from this server only (no inline script,
 * no eval), so an injected value could not run even if some code forgot to escape it; nobody may frame the
 * page (clickjacking a "Delete" button). API answers are never cached: they may name infrastructure.
 */
final class SecurityHeaders implements Handler {
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + "font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Override
    public void handle(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        if (ctx.path().startsWith("/api/")) {
            ctx.header("Cache-Control", "no-store");
        }
    }
}
