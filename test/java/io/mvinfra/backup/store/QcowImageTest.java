package io.mvinfra.backup.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real QCOW2 images made and changed with qemu-img and qemu-io (Debian's qemu-utils), through the store and back. */
class QcowImageTest {

    @TempDir
    Path temp;

    @BeforeAll
    static void needsQemuUtils() {
        assumeTrue(onPath("qemu-img") && onPath("qemu-io"), "qemu-img/qemu-io not installed (apt-get install qemu-utils)");
    }

    @Test
    void aQcow2ImageComesBackIdenticalForQemuAndAOnePercentChangeStoresASmallDelta() throws Exception {
        Path image = temp.resolve("vol.qcow2");
        run("qemu-img", "create", "-q", "-f", "qcow2", image.toString(), "64M");
        run("qemu-io", "-c", "write -P 0xab 0 1M", "-c", "write -P 0x5c 8M 4M", "-c", "write -P 0x17 40M 3M", image.toString());
        Path restored = temp.resolve("restored.qcow2");
        Path restoredAfter = temp.resolve("restored-after.qcow2");

        try (BackupStore store = BackupStore.open(temp.resolve("store").toUri(), BackupStoreContract.KEY, null)) {
            Ingested first;
            try (InputStream in = Files.newInputStream(image)) {
                first = store.ingest("vol.qcow2", in, Progress.NONE);
            }
            try (OutputStream out = Files.newOutputStream(restored)) {
                store.restore(first.imageId(), out, Progress.NONE);
            }
            assertThat(run("qemu-img", "compare", image.toString(), restored.toString())).contains("Images are identical.");
            assertThat(first.sizeBytes()).isEqualTo(Files.size(image));

            // 1 % of the 64 MiB virtual disk, in 4 writes: two over data, two into clusters qcow2 must allocate
            run("qemu-io", "-c", "write -P 0x99 100k 160k", "-c", "write -P 0x98 9M 160k", "-c", "write -P 0x97 20M 160k",
                    "-c", "write -P 0x96 50M 160k", image.toString());
            Ingested second;
            try (InputStream in = Files.newInputStream(image)) {
                second = store.ingest("vol.qcow2 later", in, Progress.NONE);
            }
            try (OutputStream out = Files.newOutputStream(restoredAfter)) {
                store.restore(second.imageId(), out, Progress.NONE);
            }

            assertThat(run("qemu-img", "compare", image.toString(), restoredAfter.toString())).contains("Images are identical.");
            assertThat(run("qemu-img", "compare", restored.toString(), restoredAfter.toString(), "--exit-code-only-ok")).isNotNull();
            assertThat(second.addedBytes()).as("640 KiB written into a %d-byte image", second.sizeBytes())
                    .isLessThan(4 * (160 * 1024 + 2L * Chunker.MAX_BYTES) + 64 * 1024);
            assertThat(store.verify(first.imageId(), Progress.NONE).ok()).isTrue();
            assertThat(store.verify(second.imageId(), Progress.NONE).ok()).isTrue();
        }
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    /** The command's output; a non-zero exit fails the test, except for compare's "differ" when asked. */
    private static String run(String... command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(command));
        boolean anyExit = args.remove("--exit-code-only-ok");
        Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as(String.join(" ", command)).isTrue();
        if (!anyExit) {
            assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
        }
        return output;
    }
}
