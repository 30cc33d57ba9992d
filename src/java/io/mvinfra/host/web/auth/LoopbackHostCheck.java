package io.mvinfra.host.web.auth;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.mvinfra.host.web.ApiException;

/**
 * On a loopback-only host (no login), refuses requests whose Host header is not a loopback name. Without
 * it, a web page could rebind its own domain name to 127.0.0.1 (DNS rebinding) and, being same-origin for
 * the browser, read the API and its CSRF token.
 */
public final class LoopbackHostCheck implements Handler {
    private final Set<String> allowed;

    public LoopbackHostCheck(String bind) {
        String own = bind.toLowerCase(Locale.ROOT);
        this.allowed = Set.copyOf(List.of("localhost", "127.0.0.1", "[::1]", own, "[" + own + "]"));
    }

    @Override
    public void handle(Context ctx) {
        String host = ctx.header("Host");
        String name = null;
        try {
            name = host == null ? null : URI.create("http://" + host).getHost();
        } catch (IllegalArgumentException e) {
            // unparseable: refused below
        }
        if (name == null || !allowed.contains(name.toLowerCase(Locale.ROOT))) {
            throw new ApiException(421, "this host answers to loopback names only (Host " + host + ")");
        }
    }
}
