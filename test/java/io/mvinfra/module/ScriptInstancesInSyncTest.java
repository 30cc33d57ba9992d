package io.mvinfra.module;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.mvinfra.host.module.ScriptInstanceGenerator;
import support.TestHosts;

/** scriptInstances/*.json are generated from scripts/: a hand edit or a stale copy fails here. */
class ScriptInstancesInSyncTest {

    @Test
    void everyScriptInstanceIsExactlyWhatTheGeneratorWritesFromScripts() throws IOException {
        Path project = TestHosts.projectDir();
        Map<String, String> expected = ScriptInstanceGenerator.render(project);
        Map<String, String> actual = new TreeMap<>();
        try (Stream<Path> files = Files.list(project.resolve("scriptInstances"))) {
            for (Path f : files.toList()) {
                actual.put(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
            }
        }

        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((file, text) -> assertThat(actual.get(file)).as(file).isEqualTo(text));
        assertThat(expected).isNotEmpty();
    }
}
