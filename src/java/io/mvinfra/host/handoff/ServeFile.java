package io.mvinfra.host.handoff;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;

/**
 * What a running {@code serve} leaves in its data directory so that a CLI command on the same home can hand itself
 * over: the loopback port it takes commands on, the token that proves the caller can read this directory (the same
 * right that opening the database needs), and which database and module it serves. Readable by its owner only.
 */
public record ServeFile(int port, String token, String identity, long pid) {

    static final String NAME = "serve.properties";

    public static Path in(Path home) {
        return home.resolve(NAME);
    }

    /** The file a serve on {@code home} wrote; null when there is none (a missing or unreadable file is no serve). */
    public static ServeFile read(Path home) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(in(home), StandardCharsets.UTF_8)) {
            p.load(in);
            return new ServeFile(Integer.parseInt(p.getProperty("port")), p.getProperty("token"), p.getProperty("identity"),
                    Long.parseLong(p.getProperty("pid")));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Written whole or not at all (a reader never sees half a file), owner-only before the token is in it. */
    public void write(Path home) {
        Properties p = new Properties();
        p.setProperty("port", String.valueOf(port));
        p.setProperty("token", token);
        p.setProperty("identity", identity);
        p.setProperty("pid", String.valueOf(pid));
        try {
            Files.createDirectories(home);
            Path temp = Files.createTempFile(home, NAME, ".tmp");
            restrictToOwner(temp);
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                p.store(out, "mv-infra serve: CLI commands on this home hand themselves to it; removed when it stops");
            }
            try {
                Files.move(temp, in(home), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, in(home), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the file if it is still this serve's (a second serve on the home may have written its own since). */
    void removeFrom(Path home) {
        ServeFile now = read(home);
        if (now != null && now.token().equals(token)) {
            try {
                Files.deleteIfExists(in(home));
            } catch (IOException e) {
                // a stale file costs the next command one refused connection, then it runs on its own
            }
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's own permissions are all there is
        }
    }

    @Override
    public String toString() {
        return "ServeFile[port=" + port + ", pid=" + pid + ", token=******]";
    }
}
