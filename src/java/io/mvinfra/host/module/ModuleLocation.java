package io.mvinfra.host.module;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the module's descriptors are: a directory given explicitly, else the working directory when it
 * is a module checkout, else the copy bundled in the jar (so {@code java -jar} runs from anywhere).
 */
public final class ModuleLocation {

    private ModuleLocation() {
    }

    /** What {@link #bundled()} reports as its location ({@code /module} inside the jar). */
    public static final String BUNDLED = "/module";

    public static Path resolve(Path explicit) {
        Path dir = resolveDirectory(explicit);
        return dir != null ? dir : bundled();
    }

    /** The module directory {@link #resolve} picks, or null when it picks the bundled copy (without opening the jar). */
    public static Path resolveDirectory(Path explicit) {
        if (explicit != null) {
            if (!Files.isRegularFile(explicit.resolve("module.json"))) {
                throw new ModuleException(java.util.List.of(explicit + ": no module.json in this directory"));
            }
            return explicit;
        }
        Path cwd = Path.of("").toAbsolutePath();
        if (Files.isRegularFile(cwd.resolve("module.json")) && Files.isDirectory(cwd.resolve("customEntityTemplates"))) {
            return cwd;
        }
        return null;
    }

    public static Path bundled() {
        URL url = ModuleLocation.class.getResource("/module/module.json");
        if (url == null) {
            throw new ModuleException(java.util.List.of("no module given and none bundled: pass --module DIR"));
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return fs.getPath("/module");
            }
            return Path.of(uri).getParent();
        } catch (URISyntaxException | IOException e) {
            throw new UncheckedIOException(new IOException("cannot open the bundled module: " + e.getMessage(), e));
        }
    }
}
