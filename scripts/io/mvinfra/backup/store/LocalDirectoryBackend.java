package io.mvinfra.backup.store;

import java.io.IOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** A store in a local directory: one file per object, written to a temporary name then renamed into place. */
final class LocalDirectoryBackend implements StoreBackend {

    private static final String TEMP_SUFFIX = ".tmp";

    private final URI location;
    private final Path root;

    LocalDirectoryBackend(URI location, Path root) {
        this.location = location;
        this.root = root;
    }

    @Override
    public URI location() {
        return location;
    }

    @Override
    public byte[] read(String name) throws IOException {
        try {
            return Files.readAllBytes(path(name));
        } catch (NoSuchFileException e) {
            throw new java.io.FileNotFoundException("no " + name + " in the backup store at " + location);
        }
    }

    @Override
    public void write(String name, byte[] bytes) throws IOException {
        Path target = path(name);
        Files.createDirectories(target.getParent());
        // a unique temporary name per writer: two processes writing the same chunk never share a half-written file
        Path temp = target.resolveSibling(target.getFileName() + "." + UUID.randomUUID() + TEMP_SUFFIX);
        try {
            Files.write(temp, bytes);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the backup store at " + location + " is on a file system without atomic rename", e);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public boolean exists(String name) {
        return Files.exists(path(name));
    }

    @Override
    public Map<String, Long> list(String prefix) throws IOException {
        Map<String, Long> found = new TreeMap<>();
        Path start = root.resolve(prefix.contains("/") ? prefix.substring(0, prefix.lastIndexOf('/')) : "");
        if (!Files.isDirectory(start)) {
            return found;
        }
        // walkFileTree rather than Files.walk: an ingest renames its temporary files while a prune lists, and
        // Files.walk fails on an entry that vanishes between its directory read and its attributes
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                if (attributes.isRegularFile() && name.startsWith(prefix) && !name.endsWith(TEMP_SUFFIX)) {
                    found.put(name, attributes.size());
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE; // deleted or renamed while we walked: not there any more
                }
                throw e;
            }
        });
        return found;
    }

    @Override
    public void delete(String name) throws IOException {
        Files.deleteIfExists(path(name));
    }

    @Override
    public int writeConcurrency() {
        return Runtime.getRuntime().availableProcessors();
    }

    private Path path(String name) {
        return root.resolve(name);
    }
}
