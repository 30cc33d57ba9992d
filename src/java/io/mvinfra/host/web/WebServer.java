package io.mvinfra.host.web;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.mvinfra.host.Host;
import io.mvinfra.host.web.api.ActionController;
import io.mvinfra.host.web.api.AuditController;
import io.mvinfra.host.web.api.DependentsController;
import io.mvinfra.host.web.api.EntityController;
import io.mvinfra.host.web.api.JobController;
import io.mvinfra.host.web.api.ModuleController;
import io.mvinfra.host.web.auth.AuthFilter;
import io.mvinfra.host.web.auth.CsrfFilter;
import io.mvinfra.host.web.auth.LoopbackHostCheck;
import io.mvinfra.host.web.auth.PasswordHasher;
import io.mvinfra.host.web.auth.SessionController;
import io.mvinfra.host.web.auth.Sessions;
import io.mvinfra.host.web.auth.UserStore;

/**
 * The web admin page (static files from {@code /web} on the classpath) and the JSON API under
 * {@code /api} it uses: the same API a script or another tool calls. Filters run in this order on every
 * API call: security headers, Host check (loopback only), who is calling, CSRF.
 */
public final class WebServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebServer.class);

    private final Javalin app;
    private final ThreadPoolExecutor background;

    private WebServer(Javalin app, ThreadPoolExecutor background) {
        this.app = app;
        this.background = background;
    }

    public static WebServer start(Host host, String bind, int port) {
        return start(host, WebSettings.forBind(bind, port));
    }

    public static WebServer start(Host host, WebSettings settings) {
        ThreadPoolExecutor background = backgroundPool(settings.pressThreads());
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            config.http.maxRequestSize = 1_000_000;
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/web";
                files.location = Location.CLASSPATH;
                // revalidate on every load: after an upgrade the page must not run yesterday's script
                files.headers = Map.of("Cache-Control", "no-cache");
            });
        });
        UserStore users = new UserStore(host.database(), new PasswordHasher());
        Sessions sessions = new Sessions(settings.sessionIdle(), settings.sessionMax(), Clock.systemUTC());

        app.before(new SecurityHeaders());
        if (!settings.loginRequired()) {
            app.before(new LoopbackHostCheck(settings.bind()));
        }
        app.before("/api/*", new AuthFilter(sessions, users, settings.loginRequired(), settings.localUser(), settings.userRecheck()));
        app.before("/api/*", new CsrfFilter());
        ApiErrors.register(app);

        new SessionController(sessions, users, settings.loginRequired(), settings.localUser()).routes(app);
        new ModuleController(host).routes(app);
        new EntityController(host).routes(app);
        new DependentsController(host).routes(app);
        new ActionController(host, background).routes(app);
        new AuditController(host).routes(app);
        new JobController(host, background).routes(app);

        app.start(settings.bind(), settings.port());
        if (settings.loginRequired() && users.list().isEmpty()) {
            log.warn("listening on {} with login required, but no user exists yet: add one with `mv-infra user add <name>`", settings.bind());
        }
        return new WebServer(app, background);
    }

    /** Presses and job runs: a few at a time, a bounded queue behind them (the API answers 503 beyond). */
    private static ThreadPoolExecutor backgroundPool(int threads) {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(100), r -> {
            Thread t = new Thread(r, "mv-infra-press-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
        background.shutdown();
        try {
            if (!background.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("presses still running at shutdown are interrupted");
                background.shutdownNow();
            }
        } catch (InterruptedException e) {
            background.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
