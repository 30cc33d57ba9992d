package io.mvinfra.host.handoff;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.mvinfra.host.HostSettings;
import io.mvinfra.host.handoff.HandOffServer.HandedCommand;

/**
 * A CLI command beside a running {@code serve} on the same home is run by that serve: its JVM is warm, its module
 * read and its database open, where a fresh process pays for all three before any work. The commands that work on
 * entities, buttons, jobs and the audit are handed over; the rest (serve itself, help, version, what reads this
 * process's files, environment or terminal: credential import, user passwords, backups) run here as before, and so
 * does everything when no serve runs, when it serves another database or module, or when it does not answer.
 * Uses only the JDK, and no lambdas or streams (each costs a fresh JVM milliseconds of method-handle set-up): a
 * handed-over command costs this process no picocli, logging or database classes.
 */
public final class HandOff {
    /** What {@link #forward} returns when this process is to run the command itself. */
    public static final int RUN_HERE = -1;
    /** {@code MV_INFRA_HANDOFF=off}: every command runs in its own process. */
    public static final String SWITCH_ENV = "MV_INFRA_HANDOFF";
    static final String TOKEN_HEADER = "X-Mv-Infra-Token";

    private static final Set<String> HANDED = Set.of("entity", "action", "job", "audit");
    private static final Set<String> LOCAL_WORDS = Set.of("-h", "--help", "-V", "--version", "help");
    private static final int CONNECT_MILLIS = 500;
    /** Three missed beats of a command still running at the serve: it is gone. */
    private static final int SILENCE_MILLIS = (int) (3 * HandOffServer.ALIVE_EVERY_MILLIS);

    private HandOff() {
    }

    /**
     * Runs {@code args} at the serve on their home when there is one that takes them, printing its output as it comes;
     * returns the command's exit code, or {@link #RUN_HERE}.
     */
    public static int forward(String[] args, Map<String, String> env, String user, boolean terminal, PrintStream out, PrintStream err) {
        if (args.length == 0 || !HANDED.contains(args[0]) || "off".equalsIgnoreCase(env.get(SWITCH_ENV))) {
            return RUN_HERE;
        }
        for (String arg : args) {
            if (LOCAL_WORDS.contains(arg)) {
                return RUN_HERE;
            }
        }
        ServeFile serve;
        try {
            HostSettings settings = HostSettings.from(env, path(option(args, "--home")), option(args, "--jdbc-url"), path(option(args, "--module")));
            serve = ServeFile.read(settings.home());
            if (serve == null || !serve.identity().equals(HostIdentity.of(settings))) {
                return RUN_HERE;
            }
        } catch (RuntimeException e) {
            return RUN_HERE;   // a bad --module or home: the command says so itself, with its usual words
        }
        return send(serve, new HandedCommand(user, terminal, List.of(args)), out, err);
    }

    private static int send(ServeFile serve, HandedCommand command, PrintStream out, PrintStream err) {
        HttpURLConnection http;
        DataInputStream frames;
        try {
            http = (HttpURLConnection) new URL("http", "127.0.0.1", serve.port(), "/run").openConnection();
            http.setConnectTimeout(CONNECT_MILLIS);
            http.setReadTimeout(SILENCE_MILLIS);
            http.setRequestMethod("POST");
            http.setRequestProperty(TOKEN_HEADER, serve.token());
            http.setDoOutput(true);
            byte[] body = encode(command);
            http.setFixedLengthStreamingMode(body.length);
            try (OutputStream request = http.getOutputStream()) {
                request.write(body);
            }
            if (http.getResponseCode() != 200) {
                return RUN_HERE;   // not our serve's token (a stale file, a reused port) or it is busy: nothing ran there
            }
            frames = new DataInputStream(http.getInputStream());
        } catch (IOException e) {
            return RUN_HERE;       // refused: the serve that wrote the file is gone
        }
        // from here the command may have run at the serve, so it is never run a second time here
        try (InputStream ignored = frames) {
            for (Frames.Frame f = Frames.Frame.read(frames); f != null; f = Frames.Frame.read(frames)) {
                switch (f.type()) {
                    case Frames.OUT -> write(out, f.bytes());
                    case Frames.ERR -> write(err, f.bytes());
                    case Frames.EXIT -> {
                        return f.code();
                    }
                    case Frames.RUN_HERE -> {
                        return RUN_HERE;
                    }
                    default -> {
                        // ALIVE: the command still runs
                    }
                }
            }
        } catch (SocketTimeoutException e) {
            err.println("error: the running host (pid " + serve.pid() + ") stopped answering during the command; see its log for how it ended");
            return 1;
        } catch (IOException e) {
            // fall through: the serve went away mid-command
        }
        err.println("error: the running host (pid " + serve.pid() + ") stopped before the command ended; see its log and `mv-infra audit`");
        return 1;
    }

    private static void write(PrintStream stream, byte[] bytes) {
        stream.write(bytes, 0, bytes.length);
        stream.flush();
    }

    /** The command as NUL-separated UTF-8 (no argument can hold a NUL): user, terminal flag, then the arguments. */
    static byte[] encode(HandedCommand command) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<String> fields = new ArrayList<>(List.of(command.user(), command.terminal() ? "1" : "0"));
        fields.addAll(command.args());
        for (String field : fields) {
            bytes.writeBytes(field.getBytes(StandardCharsets.UTF_8));
            bytes.write(0);
        }
        return bytes.toByteArray();
    }

    static HandedCommand decode(byte[] body) {
        List<String> fields = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < body.length; i++) {
            if (body[i] == 0) {
                fields.add(new String(body, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (fields.size() < 2) {
            throw new IllegalArgumentException("a handed-over command needs a user and a terminal flag");
        }
        return new HandedCommand(fields.get(0), fields.get(1).equals("1"), List.copyOf(fields.subList(2, fields.size())));
    }

    /** The value of {@code --name value} or {@code --name=value}, as picocli will read it; null when absent. */
    static String option(String[] args, String name) {
        String value = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                break;
            }
            if (args[i].equals(name) && i + 1 < args.length) {
                value = args[++i];
            } else if (args[i].startsWith(name + "=")) {
                value = args[i].substring(name.length() + 1);
            }
        }
        return value;
    }

    private static Path path(String value) {
        return value == null ? null : Path.of(value);
    }
}
