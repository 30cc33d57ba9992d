package io.mvinfra.backup.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** {@link Chunker}: cut sizes within bounds around the average, and cuts that follow the content. */
class ChunkerTest {

    private static final long[] GEAR = gear(7);

    @Test
    void chunksAreBetweenTheMinimumAndMaximumAndAverageNearSixtyFourKibibytes() throws IOException {
        byte[] data = TestImages.random(32 * 1024 * 1024, 1);

        List<byte[]> chunks = chunks(GEAR, data);

        assertThat(chunks.subList(0, chunks.size() - 1))
                .allSatisfy(chunk -> assertThat(chunk.length).isBetween(Chunker.MIN_BYTES, Chunker.MAX_BYTES));
        assertThat(chunks.stream().mapToLong(c -> c.length).sum()).isEqualTo(data.length);
        double average = data.length / (double) chunks.size();
        assertThat(average).as("average chunk").isBetween(0.75 * Chunker.AVERAGE_BYTES, 1.5 * Chunker.AVERAGE_BYTES);
        assertThat(concat(chunks)).isEqualTo(data);
    }

    @Test
    void bytesInsertedAtTheStartChangeOnlyTheFirstChunks() throws IOException {
        byte[] data = TestImages.random(4 * 1024 * 1024, 2);
        byte[] shifted = BackupStoreContract.concat(TestImages.random(777, 3), data);

        List<String> before = fingerprints(chunks(GEAR, data));
        List<String> after = fingerprints(chunks(GEAR, shifted));

        List<String> common = new ArrayList<>(after);
        common.retainAll(before);
        assertThat(common.size()).as("chunks shared with the unshifted data").isGreaterThanOrEqualTo(before.size() - 2);
    }

    @Test
    void anotherGearTableCutsElsewhere() throws IOException {
        byte[] data = TestImages.random(2 * 1024 * 1024, 4);

        assertThat(fingerprints(chunks(gear(8), data))).doesNotContainAnyElementsOf(fingerprints(chunks(GEAR, data)).subList(1, 5));
    }

    @Test
    void uniformDataIsCutAtTheMaximumAndShortStreamsAreOneChunk() throws IOException {
        assertThat(chunks(GEAR, new byte[3 * Chunker.MAX_BYTES])).extracting(c -> c.length)
                .containsExactly(Chunker.MAX_BYTES, Chunker.MAX_BYTES, Chunker.MAX_BYTES);
        assertThat(chunks(GEAR, new byte[100])).extracting(c -> c.length).containsExactly(100);
        assertThat(chunks(GEAR, new byte[0])).isEmpty();
    }

    private static List<byte[]> chunks(long[] gear, byte[] data) throws IOException {
        // a stream that hands out odd-sized reads, as a network body does
        Chunker chunker = new Chunker(gear, new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 10_007));
            }
        });
        List<byte[]> chunks = new ArrayList<>();
        for (byte[] chunk = chunker.next(); chunk != null; chunk = chunker.next()) {
            chunks.add(chunk);
        }
        return chunks;
    }

    private static List<String> fingerprints(List<byte[]> chunks) {
        return chunks.stream().map(TestImages::digest).toList();
    }

    private static byte[] concat(List<byte[]> chunks) {
        byte[] all = new byte[0];
        for (byte[] chunk : chunks) {
            all = BackupStoreContract.concat(all, chunk);
        }
        return all;
    }

    private static long[] gear(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] gear = new long[256];
        for (int i = 0; i < gear.length; i++) {
            gear[i] = random.nextLong();
        }
        return gear;
    }
}
