package io.mvinfra.host.handoff;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.mvinfra.host.HostSettings;

/**
 * Takes CLI commands from processes on the same home, on loopback only, and runs them in this warm process: the
 * command's own output streamed back as it is written, then its exit code. A caller proves it may by the token of the
 * {@link ServeFile} (it read the data directory); any other request gets 403 and the caller runs the command itself.
 */
public final class HandOffServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HandOffServer.class);
    /** More commands at once than this are the caller's to run (a script that fans out gets no queue behind it). */
    private static final int AT_ONCE = 16;
    /** A frame at least this often while a command runs, so a caller can tell a long press from a dead serve. */
    static final long ALIVE_EVERY_MILLIS = 10_000;

    /** Runs one command as the CLI would, writing to the streams given; returns its exit code. */
    public interface Commands {
        int run(HandedCommand command, PrintWriter out, PrintWriter err);
    }

    /** A command as the caller sent it: who runs it, whether a terminal watches it, its arguments. */
    public record HandedCommand(String user, boolean terminal, List<String> args) {
    }

    /** Thrown by a command that needs its caller's own terminal (to ask a question): the caller then runs it itself. */
    public static final class NeedsCallersTerminal extends RuntimeException {
        public NeedsCallersTerminal() {
            super("this command asks on the caller's terminal", null, false, false);
        }
    }

    private final HttpServer http;
    private final ExecutorService threads;
    private final ScheduledExecutorService alive;
    private final ServeFile file;
    private final Path home;
    private final Semaphore slots = new Semaphore(AT_ONCE);

    private HandOffServer(HttpServer http, ExecutorService threads, ScheduledExecutorService alive, ServeFile file, Path home) {
        this.http = http;
        this.threads = threads;
        this.alive = alive;
        this.file = file;
        this.home = home;
    }

    /**
     * Listens on an ephemeral loopback port for commands on the host {@code settings} open, and writes its
     * {@link ServeFile} in that host's home, so commands there find it; {@link #close} removes the file.
     */
    public static HandOffServer start(HostSettings settings, Commands commands) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] token = new byte[32];
        new SecureRandom().nextBytes(token);
        ServeFile file = new ServeFile(http.getAddress().getPort(), HexFormat.of().formatHex(token), HostIdentity.of(settings),
                ProcessHandle.current().pid());
        AtomicInteger n = new AtomicInteger();
        ExecutorService threads = Executors.newCachedThreadPool(r -> daemon(r, "mv-infra-handoff-" + n.incrementAndGet()));
        ScheduledExecutorService alive = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "mv-infra-handoff-alive"));
        HandOffServer server = new HandOffServer(http, threads, alive, file, settings.home());
        http.createContext("/run", exchange -> server.handle(exchange, commands));
        http.setExecutor(threads);
        http.start();
        file.write(settings.home());
        return server;
    }

    public ServeFile file() {
        return file;
    }

    private void handle(HttpExchange exchange, Commands commands) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod()) || !tokenMatches(exchange.getRequestHeaders().getFirst(HandOff.TOKEN_HEADER))) {
                exchange.sendResponseHeaders(403, -1);
                return;
            }
            if (!slots.tryAcquire()) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            try {
                HandedCommand command;
                try {
                    command = HandOff.decode(exchange.getRequestBody().readAllBytes());
                } catch (IllegalArgumentException e) {
                    exchange.sendResponseHeaders(400, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
                exchange.sendResponseHeaders(200, 0);
                run(command, commands, exchange.getResponseBody());
            } finally {
                slots.release();
            }
        }
    }

    private void run(HandedCommand command, Commands commands, OutputStream body) throws IOException {
        Frames.Writer frames = new Frames.Writer(body);
        PrintWriter out = framed(frames, Frames.OUT);
        PrintWriter err = framed(frames, Frames.ERR);
        ScheduledFuture<?> beat = alive.scheduleAtFixedRate(() -> {
            try {
                frames.signal(Frames.ALIVE);
            } catch (IOException e) {
                // the caller went away; the command still ends here and is audited as it ran
            }
        }, ALIVE_EVERY_MILLIS, ALIVE_EVERY_MILLIS, TimeUnit.MILLISECONDS);
        try {
            int code = commands.run(command, out, err);
            out.flush();
            err.flush();
            frames.exit(code);
        } catch (NeedsCallersTerminal e) {
            out.flush();
            err.flush();
            frames.signal(Frames.RUN_HERE);
        } catch (RuntimeException e) {
            log.warn("a handed-over command failed: {}", e.toString());
            err.println("error: the running host failed on this command: " + e.getMessage());
            err.flush();
            frames.exit(1);
        } finally {
            beat.cancel(false);
        }
    }

    /** One of the command's streams, sent as a frame at each line (autoflush) and at each flush. */
    private static PrintWriter framed(Frames.Writer frames, byte type) {
        return new PrintWriter(new OutputStreamWriter(new Frames.Stream(frames, type), StandardCharsets.UTF_8), true);
    }

    private boolean tokenMatches(String given) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.US_ASCII), file.token().getBytes(StandardCharsets.US_ASCII));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Removes the serve file (if it is still this one's), lets running commands end, then stops listening. */
    @Override
    public void close() {
        file.removeFrom(home);
        try {
            // a command still running gets a few seconds to end before the host closes under it (HttpServer.stop's
            // own delay is waited in full on Java 17, even with nothing running)
            slots.tryAcquire(AT_ONCE, 5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.stop(0);
        alive.shutdownNow();
        threads.shutdown();
    }

}
