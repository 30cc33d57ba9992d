package io.mvinfra.backup.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.mvinfra.objectstorage.ObjectStorage;

/**
 * What every backend of the store must do, run against each ({@link LocalDirectoryStoreTest},
 * {@link ObjectStorageStoreTest}). Each test has a store of its own; the backend's view of the raw objects comes from
 * outside our code (the file system, the S3 server's own blob store).
 */
abstract class BackupStoreContract {

    static final StoreKey KEY = StoreKey.fromPassphrase("correct horse battery staple".toCharArray());

    /** A new, empty store location for this test. */
    abstract URI location();

    /** The bucket client for s3: stores, else null. */
    abstract ObjectStorage s3();

    /** Every raw object of the store at that location, name (relative to the store) -> bytes, as the backend holds it. */
    abstract Map<String, byte[]> rawObjects(URI location) throws IOException;

    /** Replaces one raw object behind the store's back. */
    abstract void overwriteRaw(URI location, String name, byte[] bytes) throws IOException;

    BackupStore open(URI location) throws IOException {
        return BackupStore.open(location, KEY, s3());
    }

    @Test
    void anImageComesBackByteIdenticalWithItsDigestAndNothingOfItIsStoredInTheClear() throws IOException {
        URI location = location();
        byte[] image = TestImages.mixed(3 * 1024 * 1024, 1);

        Ingested ingested;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Restored restored;
        try (BackupStore store = open(location)) {
            ingested = store.ingest("vol-1 2026-12-02", new ByteArrayInputStream(image), Progress.NONE);
            restored = store.restore(ingested.imageId(), out, Progress.NONE);
        }

        assertThat(out.toByteArray()).isEqualTo(image);
        assertThat(ingested.digest()).isEqualTo(TestImages.digest(image)).isEqualTo(restored.digest());
        assertThat(ingested.sizeBytes()).isEqualTo(image.length).isEqualTo(restored.sizeBytes());
        assertThat(ingested.chunks()).as("content-defined chunks of 16-256 KiB").isBetween(12, 192);
        assertThat(ingested.newChunks()).isLessThanOrEqualTo(ingested.chunks()).isGreaterThan(ingested.chunks() / 2);
        Map<String, byte[]> raw = rawObjects(location);
        long rawBytes = raw.entrySet().stream().filter(e -> !e.getKey().equals("config")).mapToLong(e -> e.getValue().length).sum();
        assertThat(ingested.addedBytes()).as("the text half compresses").isEqualTo(rawBytes).isLessThan(image.length * 3L / 4);
        assertThat(raw.keySet()).contains("config", "images/" + ingested.imageId())
                .allSatisfy(name -> assertThat(name).matches("config|images/[0-9a-f-]{36}|chunks/([0-9a-f]{2})/\\1[0-9a-f]{62}"));
        byte[] text = TestImages.TEXT_LINE.substring(0, 40).getBytes(StandardCharsets.US_ASCII);
        assertThat(raw.values()).as("no object holds the image's text").noneMatch(bytes -> contains(bytes, text));
        assertThat(new String(raw.get("config"), StandardCharsets.UTF_8)).contains("argon2id", "\"salt\"").doesNotContain("correct horse");
    }

    @Test
    void progressCountsTheBytesAsTheyGo() throws IOException {
        byte[] image = TestImages.random(1024 * 1024, 2);
        List<long[]> seen = new ArrayList<>();

        try (BackupStore store = open(location())) {
            Ingested ingested = store.ingest("progress", new ByteArrayInputStream(image), (done, total) -> seen.add(new long[] {done, total}));
            assertThat(seen).isNotEmpty().allSatisfy(p -> assertThat(p[1]).isEqualTo(-1));
            assertThat(seen.get(seen.size() - 1)[0]).isEqualTo(image.length);
            seen.clear();
            store.restore(ingested.imageId(), new ByteArrayOutputStream(), (done, total) -> seen.add(new long[] {done, total}));
        }

        assertThat(seen).allSatisfy(p -> assertThat(p[1]).isEqualTo(image.length));
        assertThat(seen.get(seen.size() - 1)[0]).isEqualTo(image.length);
    }

    @Test
    void anImageShiftedByBytesInsertedAtItsStartAddsOnlyAFewChunks() throws IOException {
        byte[] image = TestImages.random(8 * 1024 * 1024, 3);
        byte[] shifted = new byte[image.length + 1000];
        System.arraycopy(TestImages.random(1000, 4), 0, shifted, 0, 1000);
        System.arraycopy(image, 0, shifted, 1000, image.length);

        try (BackupStore store = open(location())) {
            Ingested first = store.ingest("first", new ByteArrayInputStream(image), Progress.NONE);
            Ingested second = store.ingest("shifted", new ByteArrayInputStream(shifted), Progress.NONE);

            assertThat(first.addedBytes()).isGreaterThan(image.length);
            assertThat(second.newChunks()).as("only the first chunk changes").isBetween(1, 2);
            assertThat(second.addedBytes()).as("one chunk and the index").isLessThan(2L * Chunker.MAX_BYTES + 16 * 1024);
            assertThat(second.storedBytesTotal()).isEqualTo(first.storedBytesTotal() + second.addedBytes());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.restore(second.imageId(), out, Progress.NONE);
            assertThat(out.toByteArray()).isEqualTo(shifted);
        }
    }

    @Test
    void anImageWithOnePercentChangedInScatteredWritesAddsASmallDelta() throws IOException {
        byte[] image = TestImages.random(16 * 1024 * 1024, 5);
        byte[] changed = image.clone();
        int writes = 4;
        int writeBytes = image.length / 100 / writes;
        for (int w = 0; w < writes; w++) {
            System.arraycopy(TestImages.random(writeBytes, 100 + w), 0, changed, (w * 2 + 1) * image.length / (2 * writes), writeBytes);
        }

        try (BackupStore store = open(location())) {
            store.ingest("before", new ByteArrayInputStream(image), Progress.NONE);
            Ingested after = store.ingest("after", new ByteArrayInputStream(changed), Progress.NONE);

            // each write changes the chunks it falls in and may move a neighbour's cut: at worst (largest chunks) about
            // 2 x 256 KiB around each, typically 2 x 64 KiB; cut points depend on the store's random key
            assertThat(after.addedBytes()).as("1 %% of %d bytes changed", image.length)
                    .isLessThan(writes * (writeBytes + 2L * Chunker.MAX_BYTES) + 16 * 1024);
            assertThat(after.newChunks()).isBetween(writes, writes * 6);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.restore(after.imageId(), out, Progress.NONE);
            assertThat(out.toByteArray()).isEqualTo(changed);
        }
    }

    @Test
    void verifyFindsACorruptedChunkAndNamesItAndRestoreRefusesIt() throws IOException {
        URI location = location();
        byte[] image = TestImages.mixed(2 * 1024 * 1024, 6);
        Ingested ingested;
        try (BackupStore store = open(location)) {
            ingested = store.ingest("to corrupt", new ByteArrayInputStream(image), Progress.NONE);
            assertThat(store.verify(ingested.imageId(), Progress.NONE).ok()).as("intact first").isTrue();
        }
        String victim = rawObjects(location).keySet().stream().filter(n -> n.startsWith("chunks/")).sorted().findFirst().orElseThrow();
        byte[] bytes = rawObjects(location).get(victim);
        bytes[bytes.length / 2] ^= 0x01;
        overwriteRaw(location, victim, bytes);

        try (BackupStore store = open(location)) {
            Verification verification = store.verify(ingested.imageId(), Progress.NONE);

            assertThat(verification.ok()).isFalse();
            assertThat(verification.chunks()).isEqualTo(ingested.chunks());
            assertThat(verification.problems()).hasSize(1).first().asString().contains(victim, "fails authentication");
            assertThatThrownBy(() -> store.restore(ingested.imageId(), new ByteArrayOutputStream(), Progress.NONE))
                    .isInstanceOf(IOException.class).hasMessageContaining(victim);
        }
    }

    @Test
    void verifyFindsAMissingChunk() throws IOException {
        URI location = location();
        Ingested ingested;
        try (BackupStore store = open(location)) {
            ingested = store.ingest("to lose", new ByteArrayInputStream(TestImages.random(1024 * 1024, 7)), Progress.NONE);
        }
        String victim = rawObjects(location).keySet().stream().filter(n -> n.startsWith("chunks/")).sorted().findFirst().orElseThrow();
        deleteRaw(location, victim);

        try (BackupStore store = open(location)) {
            assertThat(store.verify(ingested.imageId(), Progress.NONE).problems()).hasSize(1).first().asString().contains(victim, "missing");
        }
    }

    @Test
    void aWrongPassphraseFailsClearlyAndWritesNothing() throws IOException {
        URI location = location();
        try (BackupStore store = open(location)) {
            store.ingest("one", new ByteArrayInputStream(TestImages.random(300_000, 8)), Progress.NONE);
        }
        Map<String, byte[]> before = rawObjects(location);

        assertThatThrownBy(() -> BackupStore.open(location, StoreKey.fromPassphrase("wrong passphrase".toCharArray()), s3()))
                .isInstanceOf(WrongStoreKeyException.class)
                .hasMessage("the backup store at " + location + " was created with another key");

        Map<String, byte[]> after = rawObjects(location);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((name, bytes) -> assertThat(after.get(name)).as(name).isEqualTo(bytes));
    }

    @Test
    void twoConcurrentIngestsIntoOneStoreBothRestoreAndVerify() throws Exception {
        URI location = location();
        byte[] shared = TestImages.random(2 * 1024 * 1024, 9);
        byte[] a = concat(shared, TestImages.mixed(2 * 1024 * 1024, 10));
        byte[] b = concat(shared, TestImages.mixed(2 * 1024 * 1024, 11));
        ExecutorService twoProcesses = Executors.newFixedThreadPool(2);
        try (BackupStore first = open(location); BackupStore second = open(location)) {
            CountDownLatch start = new CountDownLatch(1);
            Future<Ingested> ingestA = twoProcesses.submit(() -> {
                start.await();
                return first.ingest("a", new ByteArrayInputStream(a), Progress.NONE);
            });
            Future<Ingested> ingestB = twoProcesses.submit(() -> {
                start.await();
                return second.ingest("b", new ByteArrayInputStream(b), Progress.NONE);
            });
            start.countDown();
            Ingested ia = ingestA.get(2, TimeUnit.MINUTES);
            Ingested ib = ingestB.get(2, TimeUnit.MINUTES);

            try (BackupStore third = open(location)) {
                assertThat(third.images()).extracting(StoredImage::imageId).containsExactlyInAnyOrder(ia.imageId(), ib.imageId());
                for (Ingested ingested : List.of(ia, ib)) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    third.restore(ingested.imageId(), out, Progress.NONE);
                    assertThat(out.toByteArray()).isEqualTo(ingested == ia ? a : b);
                    assertThat(third.verify(ingested.imageId(), Progress.NONE).problems()).isEmpty();
                }
            }
        } finally {
            twoProcesses.shutdownNow();
        }
    }

    @Test
    void pruneDeletesOnlyChunksNoImageReferences() throws IOException {
        URI location = location();
        byte[] shared = TestImages.random(1024 * 1024, 12);
        try (BackupStore store = open(location)) {
            Ingested keep = store.ingest("keep", new ByteArrayInputStream(concat(shared, TestImages.random(1024 * 1024, 13))), Progress.NONE);
            Set<String> keepChunks = chunkNames(location);
            Ingested drop = store.ingest("drop", new ByteArrayInputStream(concat(shared, TestImages.random(1024 * 1024, 14))), Progress.NONE);
            Set<String> onlyDrop = new HashSet<>(chunkNames(location));
            onlyDrop.removeAll(keepChunks);
            long onlyDropBytes = rawObjects(location).entrySet().stream().filter(e -> onlyDrop.contains(e.getKey()))
                    .mapToLong(e -> e.getValue().length).sum();

            store.forget(drop.imageId());
            Pruned pruned = store.prune();

            assertThat(pruned.chunksDeleted()).isEqualTo(onlyDrop.size()).isEqualTo(drop.newChunks());
            assertThat(pruned.bytesFreed()).isEqualTo(onlyDropBytes);
            assertThat(chunkNames(location)).isEqualTo(keepChunks);
            assertThat(store.images()).extracting(StoredImage::imageId).containsExactly(keep.imageId());
            assertThat(store.verify(keep.imageId(), Progress.NONE).ok()).isTrue();
            assertThat(store.prune()).as("nothing more to prune").isEqualTo(new Pruned(0, 0));
            assertThatThrownBy(() -> store.restore(drop.imageId(), new ByteArrayOutputStream(), Progress.NONE))
                    .isInstanceOf(FileNotFoundException.class).hasMessageContaining(drop.imageId());
        }
    }

    @Test
    void pruneWhileAnIngestRunsDeletesNothingAndTheIngestCompletes() throws Exception {
        URI location = location();
        CountDownLatch halfway = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        byte[] image = TestImages.random(2 * 1024 * 1024, 15);
        InputStream slow = new InputStream() {
            private final InputStream data = new ByteArrayInputStream(image);
            private int read;

            @Override
            public int read() throws IOException {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (read > image.length / 2 && halfway.getCount() > 0) {
                    halfway.countDown();
                    try {
                        release.await(1, TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        throw new IOException(e);
                    }
                }
                int n = data.read(b, off, Math.min(len, 64 * 1024));
                read += Math.max(n, 0);
                return n;
            }
        };
        ExecutorService background = Executors.newSingleThreadExecutor();
        try (BackupStore ingesting = open(location); BackupStore pruning = open(location)) {
            Ingested old = ingesting.ingest("old", new ByteArrayInputStream(TestImages.random(512 * 1024, 16)), Progress.NONE);
            ingesting.forget(old.imageId());
            Future<Ingested> running = background.submit(() -> ingesting.ingest("running", slow, Progress.NONE));
            assertThat(halfway.await(1, TimeUnit.MINUTES)).isTrue();
            Set<String> before = chunkNames(location);

            assertThatThrownBy(pruning::prune).isInstanceOf(StoreBusyException.class).hasMessageContaining("ingest");

            assertThat(chunkNames(location)).containsAll(before);
            release.countDown();
            Ingested done = running.get(1, TimeUnit.MINUTES);
            assertThat(pruning.verify(done.imageId(), Progress.NONE).ok()).isTrue();
            assertThat(pruning.prune().chunksDeleted()).as("the forgotten image's chunks, once the ingest is over").isEqualTo(old.newChunks());
            assertThat(rawObjects(location).keySet()).noneMatch(name -> name.startsWith("locks/"));
        } finally {
            background.shutdownNow();
        }
    }

    @Test
    void imagesListsWhatWasIngestedAndForgetRemovesIt() throws IOException {
        try (BackupStore store = open(location())) {
            Ingested one = store.ingest("vol-a daily", new ByteArrayInputStream(TestImages.random(100_000, 17)), Progress.NONE);
            Ingested two = store.ingest("vol-b daily", new ByteArrayInputStream(TestImages.random(200_000, 18)), Progress.NONE);

            assertThat(store.images()).extracting(StoredImage::imageId, StoredImage::label, StoredImage::sizeBytes, StoredImage::digest)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(one.imageId(), "vol-a daily", 100_000L, one.digest()),
                            org.assertj.core.groups.Tuple.tuple(two.imageId(), "vol-b daily", 200_000L, two.digest()));
            store.forget(one.imageId());
            assertThat(store.images()).extracting(StoredImage::imageId).containsExactly(two.imageId());
            assertThatThrownBy(() -> store.forget(one.imageId())).isInstanceOf(FileNotFoundException.class);
            assertThatThrownBy(() -> store.verify("../config", Progress.NONE)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("imageId");
        }
    }

    @Test
    void anEmptyImageRoundTrips() throws IOException {
        try (BackupStore store = open(location())) {
            Ingested empty = store.ingest("empty", new ByteArrayInputStream(new byte[0]), Progress.NONE);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.restore(empty.imageId(), out, Progress.NONE);

            assertThat(empty.chunks()).isZero();
            assertThat(out.size()).isZero();
            assertThat(empty.digest()).isEqualTo(TestImages.digest(new byte[0]));
        }
    }

    abstract void deleteRaw(URI location, String name) throws IOException;

    private Set<String> chunkNames(URI location) throws IOException {
        Set<String> names = new HashSet<>();
        for (String name : rawObjects(location).keySet()) {
            if (name.startsWith("chunks/")) {
                names.add(name);
            }
        }
        return names;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
