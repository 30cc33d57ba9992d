package io.mvinfra.host.module;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * A module directory's descriptor files as git's index keeps them: per file its size, its modification time and the
 * SHA-256 of its bytes. Checking a directory against the index the build wrote stats every file and reads only those
 * whose size or time differ, so a command run from the checkout that built the jar no longer reads and hashes some
 * 390 files (30 to 50 ms) to learn that the compact copy is current.
 * <p>
 * A file is trusted on its stat only in the directory the index was taken from, and never when its time was too
 * close to when it was read: a later write within the file system's time granularity could keep size and time
 * (git's "racily clean" entries). As with git, a change that restores both size and time is not seen.
 */
final class DescriptorIndex {
    /** Coarser than any file system's modification time (FAT keeps 2 s); younger files are hashed on every check. */
    private static final long RACY_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final String root;
    private final Map<String, Entry> entries;
    private String fingerprint;

    private record Entry(long sizeBytes, long modifiedNanos, byte[] sha256) {
    }

    private DescriptorIndex(String root, Map<String, Entry> entries) {
        this.root = root;
        this.entries = entries;
    }

    /** Every descriptor of {@code root} read and hashed (the build's index): checked against an index of nothing. */
    static DescriptorIndex of(Path root) {
        return new DescriptorIndex("", Map.of()).check(root);
    }

    /**
     * {@code root}'s descriptors now: the hash this index holds for a file whose stat is the one it recorded (same
     * directory, not racy), the file's bytes hashed for any other.
     */
    DescriptorIndex check(Path root) {
        String at = where(root);
        boolean sameRoot = at.equals(this.root);
        boolean unchanged = sameRoot;
        long readAtNanos = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
        Map<String, Entry> now = new TreeMap<>();
        try {
            for (Map.Entry<Path, BasicFileAttributes> file : files(root).entrySet()) {
                BasicFileAttributes stat = file.getValue();
                String path = root.relativize(file.getKey()).toString().replace('\\', '/');
                long modified = stat.lastModifiedTime().to(TimeUnit.NANOSECONDS);
                Entry known = sameRoot ? entries.get(path) : null;
                boolean same = known != null && known.sizeBytes() == stat.size() && known.modifiedNanos() == modified;
                byte[] sha = same ? known.sha256() : sha256(Files.readAllBytes(file.getKey()));
                unchanged &= same;
                // a racy file is kept without its stat, so that a check against this index hashes it again
                boolean racy = modified > readAtNanos - RACY_NANOS;
                now.put(path, racy ? new Entry(-1, -1, sha) : new Entry(stat.size(), modified, sha));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // nothing to hash again: this index, whose fingerprint the compact copy already names
        return unchanged && now.keySet().equals(entries.keySet()) ? this : new DescriptorIndex(at, now);
    }

    /** module.json and every regular file under the descriptor directories, with the stat the walk read anyway. */
    private static Map<Path, BasicFileAttributes> files(Path root) throws IOException {
        Map<Path, BasicFileAttributes> files = new LinkedHashMap<>();
        Path descriptor = root.resolve("module.json");
        files.put(descriptor, Files.readAttributes(descriptor, BasicFileAttributes.class));
        for (String dir : CompactModule.DESCRIPTOR_DIRS) {
            Path d = root.resolve(dir);
            if (Files.isDirectory(d)) {
                Files.walkFileTree(d, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes stat) {
                        if (stat.isRegularFile()) {
                            files.put(file, stat);
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
            }
        }
        return files;
    }

    /** SHA-256 over each descriptor's path and hash, in path order: what a compact copy names as built from. */
    String fingerprint() {
        if (fingerprint == null) {
            fingerprint = hashOfEntries();
        }
        return fingerprint;
    }

    private String hashOfEntries() {
        MessageDigest sha = digest();
        entries.forEach((path, entry) -> {
            sha.update(path.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(entry.sha256());
        });
        return HexFormat.of().formatHex(sha.digest());
    }

    void write(DataOutputStream out) throws IOException {
        out.writeUTF(root);
        out.writeInt(entries.size());
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeLong(e.getValue().sizeBytes());
            out.writeLong(e.getValue().modifiedNanos());
            out.write(e.getValue().sha256());
        }
    }

    /** The index a compact copy holds, with the fingerprint that copy names (computed from these same entries). */
    static DescriptorIndex read(DataInputStream in, String fingerprint) throws IOException {
        String root = in.readUTF();
        Map<String, Entry> entries = new TreeMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            String path = in.readUTF();
            long size = in.readLong();
            long modified = in.readLong();
            byte[] sha = new byte[32];
            in.readFully(sha);
            entries.put(path, new Entry(size, modified, sha));
        }
        DescriptorIndex index = new DescriptorIndex(root, entries);
        index.fingerprint = fingerprint;
        return index;
    }

    private static String where(Path root) {
        return root.toAbsolutePath().normalize().toString();
    }

    private static byte[] sha256(byte[] bytes) {
        return digest().digest(bytes);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
