package io.mvinfra.backup.store;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.io.TempDir;

import io.mvinfra.objectstorage.ObjectStorage;

/** The store in a local directory ({@code file:///…}). */
class LocalDirectoryStoreTest extends BackupStoreContract {

    @TempDir
    Path temp;
    private int stores;

    @Override
    URI location() {
        return temp.resolve("store-" + (++stores)).toUri();
    }

    @Override
    ObjectStorage s3() {
        return null;
    }

    @Override
    Map<String, byte[]> rawObjects(URI location) throws IOException {
        Path root = Path.of(location);
        Map<String, byte[]> objects = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return objects;
        }
        // a running ingest's temporary files are not objects yet, and are renamed while we look
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (attributes.isRegularFile() && !file.toString().endsWith(".tmp")) {
                    objects.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        return objects;
    }

    @Override
    void overwriteRaw(URI location, String name, byte[] bytes) throws IOException {
        Files.write(Path.of(location).resolve(name), bytes);
    }

    @Override
    void deleteRaw(URI location, String name) throws IOException {
        Files.delete(Path.of(location).resolve(name));
    }
}
