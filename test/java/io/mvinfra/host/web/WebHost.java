package io.mvinfra.host.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import io.mvinfra.host.Host;
import io.mvinfra.host.HostSettings;
import io.mvinfra.host.web.auth.PasswordHasher;
import io.mvinfra.host.web.auth.UserStore;

/** A host with its web server on a free port, on a fresh data directory with the embedded database. */
public final class WebHost implements AutoCloseable {
    private final Path home;
    private final Host host;
    private final WebServer web;

    private WebHost(Path home, Host host, WebServer web) {
        this.home = home;
        this.host = host;
        this.web = web;
    }

    /** Loopback only: no login. */
    public static WebHost start(String... overlays) {
        return start(false, overlays);
    }

    /** {@code anywhere}: listens on 0.0.0.0, so login is required (tests still call it on 127.0.0.1). */
    public static WebHost start(boolean anywhere, String... overlays) {
        try {
            Path home = Files.createTempDirectory("mvinfra-web-");
            Path module = TestModule.assemble(home.resolve("module"), overlays);
            Host host = Host.open(HostSettings.from(Map.of(), home, null, module));
            // users are re-checked at every request: a test sees a removal take effect at once
            WebSettings settings = WebSettings.forBind(anywhere ? "0.0.0.0" : "127.0.0.1", 0).withUserRecheck(Duration.ZERO);
            WebServer web = WebServer.start(host, settings);
            return new WebHost(home, host, web);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Host host() {
        return host;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + web.port();
    }

    public int port() {
        return web.port();
    }

    public UserStore users() {
        return new UserStore(host.database(), new PasswordHasher());
    }

    public ApiClient client() {
        return new ApiClient(baseUrl());
    }

    @Override
    public void close() {
        web.close();
        host.close();
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }
}
