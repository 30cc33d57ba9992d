package io.mvinfra.scaleway.backups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** {@link BytePipe}: bytes pass whole and in order whatever threads read, end at the writer's close, and a closed reader stops the writer. */
class BytePipeTest {

    @Test
    void passesEveryByteInOrderWhenTheReadsComeFromPoolThreadsThatEnd() throws Exception {
        byte[] data = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(data);
        BytePipe pipe = new BytePipe(64 * 1024);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (OutputStream out = pipe.out()) {
                for (int off = 0; off < data.length; off += 10_000) {
                    out.write(data, off, Math.min(10_000, data.length - off));
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        byte[] read = new byte[data.length];
        int total = 0;
        InputStream in = pipe.in();
        while (true) {
            ExecutorService oneShot = Executors.newSingleThreadExecutor();   // a reader thread that ends after each part
            int at = total;
            int n = oneShot.submit(() -> in.read(read, at, Math.min(100_000, read.length - at) == 0 ? 1 : Math.min(100_000, read.length - at))).get();
            oneShot.shutdown();
            assertThat(oneShot.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
            if (n == -1) {
                break;
            }
            total += n;
        }
        writer.get(5, TimeUnit.SECONDS);
        assertThat(total).isEqualTo(data.length);
        assertThat(read).isEqualTo(data);
    }

    @Test
    void aClosedReaderMakesTheBlockedWriterFail() throws Exception {
        BytePipe pipe = new BytePipe(16);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                pipe.out().write(new byte[1000]);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Thread.sleep(50);
        pipe.in().close();

        assertThatThrownBy(() -> writer.get(5, TimeUnit.SECONDS)).hasRootCauseMessage("the reading side of the pipe is closed");
    }
}
