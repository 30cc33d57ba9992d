package io.mvinfra.host.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * A module directory for a test: the project's own descriptors (so forms are built from the real field
 * templates, never a hand-kept copy), with test buttons laid over them from {@code test/resources/modules/<overlay>}.
 * An overlay file replaces a project file of the same path.
 */
public final class TestModule {
    public static final Path PROJECT = Path.of(System.getProperty("mvinfra.projectDir", ".")).toAbsolutePath();
    private static final List<String> DESCRIPTORS = List.of("module.json", "customEntityCategories", "customEntityTemplates",
            "customFieldTemplates", "entityCustomActions", "jobInstances", "timerEntities");

    private TestModule() {
    }

    public static Path assemble(Path target, String... overlays) {
        for (String descriptor : DESCRIPTORS) {
            copy(PROJECT.resolve(descriptor), target.resolve(descriptor));
        }
        for (String overlay : overlays) {
            copy(resource("modules/" + overlay), target);
        }
        return target;
    }

    private static Path resource(String name) {
        URL url = TestModule.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static void copy(Path from, Path to) {
        if (!Files.exists(from)) {
            return;
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path dest = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(dest);
                } else {
                    Files.createDirectories(dest.getParent());
                    Files.copy(source, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
