package io.mvinfra.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 1 GiB upload and download through the layer in a JVM of 64 MB of heap ({@link StreamedBodiesCheck}): had any
 * part held the body, the fork would fail with an OutOfMemoryError.
 */
class StreamedBodiesTest {

    @Test
    void oneGibibyteGoesUpAndComesDownThroughA64MbHeap(@TempDir Path dir) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = dir.resolve("fork.log");   // a file, not a pipe: a chatty fork could fill a pipe and stall
        Process fork = new ProcessBuilder(List.of(java.toString(), "-Xmx64m",
                "-cp", System.getProperty("java.class.path"), StreamedBodiesCheck.class.getName()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();

        boolean ended = fork.waitFor(10, TimeUnit.MINUTES);
        if (!ended) {
            fork.destroyForcibly().waitFor();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);

        assertThat(ended).as("the fork ended within 10 minutes").isTrue();
        assertThat(output).contains("upload 1073741824 bytes, SHA-256 matches")
                .contains("download 1073741824 bytes, SHA-256 matches").doesNotContain("OutOfMemoryError");
        assertThat(fork.exitValue()).as(output).isZero();
        System.out.print(output.lines().filter(line -> line.startsWith("upload") || line.startsWith("download")
                || line.startsWith("heap")).map(line -> "StreamedBodiesTest: " + line + "\n").reduce("", String::concat));
    }
}
