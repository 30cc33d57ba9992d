package io.mvinfra.host.web;

import java.util.Map;

import io.javalin.Javalin;
import io.mvinfra.host.Host;

/** The web admin page and the JSON API it uses, served by the host. */
public final class WebServer implements AutoCloseable {
    private final Javalin app;

    private WebServer(Javalin app) {
        this.app = app;
    }

    public static WebServer start(Host host, String bind, int port) {
        Javalin app = Javalin.create(config -> config.showJavalinBanner = false);
        app.get("/api/health", ctx -> ctx.json(Map.of("status", "ok", "module", host.module().code(), "version", host.module().version())));
        app.start(bind, port);
        return new WebServer(app);
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
