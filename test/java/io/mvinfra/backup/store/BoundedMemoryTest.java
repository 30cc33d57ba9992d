package io.mvinfra.backup.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest and restore stream: a 256 MiB image goes in and comes out in a JVM whose whole heap is 112 MiB (64 MiB of
 * which Argon2id takes to open the store), so neither can hold the image.
 */
class BoundedMemoryTest {

    static final long IMAGE_BYTES = 256L * 1024 * 1024;

    @TempDir
    Path temp;

    @Test
    void aQuarterGibibyteImageGoesInAndOutUnderASmallHeap() throws IOException, InterruptedException {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx112m", "-cp", System.getProperty("java.class.path"),
                SmallHeapRoundTrip.class.getName(), temp.resolve("store").toUri().toString(), String.valueOf(IMAGE_BYTES))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.PIPE).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();

        TestImages.DigestingSink expected = new TestImages.DigestingSink();
        TestImages.randomStream(IMAGE_BYTES, 42).transferTo(expected);
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).contains("ingested " + IMAGE_BYTES + " " + expected.hex(), "restored " + IMAGE_BYTES + " " + expected.hex());
    }

    /** Runs in the small-heap JVM. */
    public static final class SmallHeapRoundTrip {
        public static void main(String[] args) throws Exception {
            long size = Long.parseLong(args[1]);
            try (BackupStore store = BackupStore.open(java.net.URI.create(args[0]), BackupStoreContract.KEY, null)) {
                Ingested ingested = store.ingest("big", TestImages.randomStream(size, 42), Progress.NONE);
                System.out.println("ingested " + ingested.sizeBytes() + " " + ingested.digest());
                TestImages.DigestingSink sink = new TestImages.DigestingSink();
                Restored restored = store.restore(ingested.imageId(), sink, Progress.NONE);
                System.out.println("restored " + sink.count + " " + sink.hex() + " (" + restored.digest() + ")");
                System.out.println("max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB" + File.separator);
            }
        }
    }
}
