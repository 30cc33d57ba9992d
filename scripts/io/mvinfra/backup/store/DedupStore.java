package io.mvinfra.backup.store;

import com.github.luben.zstd.Zstd;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import javax.crypto.Mac;

/**
 * The store: {@code config} (see {@link StoreConfig}), {@code chunks/<2 hex>/<64 hex>} (a chunk, named by
 * HMAC-SHA256 of its bytes under the store's id key, zstd-compressed unless that does not help, sealed by
 * {@link Sealer} under its name), {@code images/<uuid>} (a sealed, compressed {@link ImageIndex}) and
 * {@code locks/} ({@link StoreLocks}).
 * <p>
 * Work runs as a pipeline over a bounded window: the caller's thread reads and cuts chunks, a thread of the store's
 * digests the image ({@link ImageDigest}), a pool of workers names, compresses, seals and writes chunks (or reads, opens and checks them) in parallel; the
 * caller's thread takes their results back in order. At most {@link #window} chunks (each at most
 * {@link Chunker#MAX_BYTES}) are in flight, whatever the image's size.
 * <p>
 * Concurrent ingests: every object is written whole and atomically (temp + rename, or one S3 PUT), a chunk's name
 * is its content's keyed hash so two writers of one chunk write the same bytes, and an image's index is written
 * last, after all its chunks. Prune and ingests exclude each other through {@link StoreLocks}.
 */
final class DedupStore implements BackupStore {

    static final String CHUNKS = "chunks/";
    static final String IMAGES = "images/";
    /** Level 1: on disk images (random data, logs) as small as level 3 here and a third cheaper (ChunkCodecBenchmark). */
    static final int COMPRESSION_LEVEL = 1;
    private static final int SAMPLE_BYTES = 4096;
    private static final byte RAW = 0;
    private static final byte ZSTD = 1;
    private static final Pattern IMAGE_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final HexFormat HEX = HexFormat.of();

    private final StoreBackend backend;
    private final StoreSecrets secrets;
    private final Sealer sealer;
    private final long[] gear;
    private final StoreLocks locks;
    private final Clock clock;
    private final ExecutorService workers;
    private final ExecutorService digester;
    private final int window;
    private final ThreadLocal<Mac> chunkIdMac;

    private DedupStore(StoreBackend backend, StoreSecrets secrets, Clock clock) {
        this.backend = backend;
        this.secrets = secrets;
        this.sealer = new Sealer(secrets.encryptionKey(), new SecureRandom());
        this.gear = secrets.gearTable();
        this.clock = clock;
        this.locks = new StoreLocks(backend, clock);
        int threads = Math.max(Runtime.getRuntime().availableProcessors(), backend.writeConcurrency());
        AtomicInteger counter = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "backup-store-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.digester = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "backup-store-digest");
            thread.setDaemon(true);
            return thread;
        });
        this.window = threads * 4;
        this.chunkIdMac = ThreadLocal.withInitial(secrets::chunkIdMac);
    }

    static BackupStore open(StoreBackend backend, StoreKey key) throws IOException {
        return open(backend, key, Clock.systemUTC());
    }

    static DedupStore open(StoreBackend backend, StoreKey key, Clock clock) throws IOException {
        Objects.requireNonNull(key, "key");
        return new DedupStore(backend, StoreConfig.openOrCreate(backend, key, new SecureRandom()), clock);
    }

    @Override
    public Ingested ingest(String label, InputStream image, Progress progress) throws IOException {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(progress, "progress");
        if (label == null || label.isBlank() || label.length() > 500) {
            throw new IllegalArgumentException("label: 1 to 500 characters, not " + (label == null ? "none" : label.length() + " characters"));
        }
        String imageId = UUID.randomUUID().toString();
        try (StoreLocks.Held lock = locks.holdForIngest()) {
            Map<String, Long> stored = backend.list("");
            long storedBefore = 0;
            Set<String> known = ConcurrentHashMap.newKeySet();
            for (Map.Entry<String, Long> object : stored.entrySet()) {
                if (object.getKey().startsWith(CHUNKS)) {
                    known.add(object.getKey());
                }
                if (!object.getKey().startsWith(StoreLocks.PREFIX)) {
                    storedBefore += object.getValue();
                }
            }
            ImageDigest digest = new ImageDigest(digester);
            Chunker chunker = new Chunker(gear, image);
            Window<ChunkWrite> inFlight = new Window<>();
            List<ImageIndex.ChunkRef> chunks = new ArrayList<>();
            long size = 0;
            long added = 0;
            int newChunks = 0;
            String imageDigest;
            try {
                for (byte[] chunk = chunker.next(); chunk != null; chunk = chunker.next()) {
                    digest.update(chunk);
                    size += chunk.length;
                    byte[] bytes = chunk;
                    inFlight.submit(() -> writeChunk(bytes, known));
                    while (inFlight.full()) {
                        ChunkWrite written = inFlight.next();
                        chunks.add(written.ref());
                        added += written.storedBytes();
                        newChunks += written.storedBytes() > 0 ? 1 : 0;
                    }
                    lock.refreshIfDue();
                    progress.bytes(size, -1);
                }
                while (!inFlight.isEmpty()) {
                    ChunkWrite written = inFlight.next();
                    chunks.add(written.ref());
                    added += written.storedBytes();
                    newChunks += written.storedBytes() > 0 ? 1 : 0;
                }
                imageDigest = digest.finish();
            } finally {
                inFlight.cancel();
                digest.cancel();
            }
            ImageIndex index = new ImageIndex(imageId, label, clock.instant(), size, imageDigest, chunks);
            byte[] sealedIndex = seal(IMAGES + imageId, index.toJson());
            backend.write(IMAGES + imageId, sealedIndex);
            added += sealedIndex.length;
            return new Ingested(imageId, size, added, storedBefore + added, imageDigest, chunks.size(), newChunks);
        }
    }

    @Override
    public Restored restore(String imageId, OutputStream out, Progress progress) throws IOException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(progress, "progress");
        ImageIndex index = index(imageId);
        ImageDigest digest = new ImageDigest(digester);
        Window<byte[]> inFlight = new Window<>();
        long done = 0;
        String actual;
        try {
            int next = 0;
            List<ImageIndex.ChunkRef> chunks = index.chunks();
            while (next < chunks.size() || !inFlight.isEmpty()) {
                while (next < chunks.size() && !inFlight.full()) {
                    ImageIndex.ChunkRef ref = chunks.get(next++);
                    inFlight.submit(() -> readChunk(ref));
                }
                byte[] chunk = inFlight.next();
                out.write(chunk);
                digest.update(chunk);
                done += chunk.length;
                progress.bytes(done, index.sizeBytes());
            }
            actual = digest.finish();
        } finally {
            inFlight.cancel();
            digest.cancel();
        }
        if (!actual.equals(index.digest()) || done != index.sizeBytes()) {
            throw new DigestMismatchException(imageId, index.digest(), actual);
        }
        out.flush();
        return new Restored(imageId, done, actual);
    }

    @Override
    public Verification verify(String imageId, Progress progress) throws IOException {
        Objects.requireNonNull(progress, "progress");
        ImageIndex index;
        try {
            index = index(imageId);
        } catch (BrokenObjectException e) {
            return new Verification(imageId, 0, List.of("the image's index " + e.getMessage()));
        }
        ImageDigest digest = new ImageDigest(digester);
        List<String> problems = new ArrayList<>();
        Window<byte[]> inFlight = new Window<>();
        List<ImageIndex.ChunkRef> chunks = index.chunks();
        long done = 0;
        String actual;
        try {
            int submitted = 0;
            for (int taken = 0; taken < chunks.size(); taken++) {
                while (submitted < chunks.size() && !inFlight.full()) {
                    ImageIndex.ChunkRef ref = chunks.get(submitted++);
                    inFlight.submit(() -> readChunk(ref));
                }
                ImageIndex.ChunkRef ref = chunks.get(taken);
                try {
                    byte[] chunk = inFlight.next();
                    digest.update(chunk);
                } catch (FileNotFoundException missing) {
                    problems.add("chunk " + (taken + 1) + " of " + chunks.size() + " (" + chunkName(ref.id()) + ") is missing");
                } catch (BrokenObjectException broken) {
                    problems.add("chunk " + (taken + 1) + " of " + chunks.size() + " (" + broken.getMessage() + ")");
                }
                done += ref.sizeBytes();
                progress.bytes(done, index.sizeBytes());
            }
            actual = digest.finish();
        } finally {
            inFlight.cancel();
            digest.cancel();
        }
        if (problems.isEmpty() && !actual.equals(index.digest())) {
            problems.add("the image's chunks read back with digest " + actual + " but it was stored with " + index.digest());
        }
        return new Verification(imageId, chunks.size(), problems);
    }

    @Override
    public List<StoredImage> images() throws IOException {
        List<StoredImage> images = new ArrayList<>();
        for (String name : backend.list(IMAGES).keySet()) {
            images.add(index(name.substring(IMAGES.length())).summary());
        }
        images.sort((a, b) -> a.created().compareTo(b.created()));
        return images;
    }

    @Override
    public void forget(String imageId) throws IOException {
        String name = imageName(imageId);
        if (!backend.exists(name)) {
            throw new FileNotFoundException("no image " + imageId + " in the backup store at " + backend.location());
        }
        backend.delete(name);
    }

    @Override
    public Pruned prune() throws IOException {
        try (StoreLocks.Held lock = locks.holdForPrune()) {
            Set<String> referenced = new HashSet<>();
            // every index must open: a chunk is deleted only when no image, readable or not, could need it
            for (String name : backend.list(IMAGES).keySet()) {
                for (ImageIndex.ChunkRef ref : index(name.substring(IMAGES.length())).chunks()) {
                    referenced.add(chunkName(ref.id()));
                }
            }
            int deleted = 0;
            long freed = 0;
            for (Map.Entry<String, Long> chunk : backend.list(CHUNKS).entrySet()) {
                if (!referenced.contains(chunk.getKey())) {
                    backend.delete(chunk.getKey());
                    deleted++;
                    freed += chunk.getValue();
                    lock.refreshIfDue();
                }
            }
            locks.deleteStale();
            return new Pruned(deleted, freed);
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
        digester.shutdownNow();
    }

    private ChunkWrite writeChunk(byte[] chunk, Set<String> known) throws IOException {
        String id = HEX.formatHex(chunkIdMac.get().doFinal(chunk));
        String name = chunkName(id);
        ImageIndex.ChunkRef ref = new ImageIndex.ChunkRef(id, chunk.length);
        if (!known.add(name)) {
            return new ChunkWrite(ref, 0);
        }
        byte[] sealed = seal(name, chunk);
        backend.write(name, sealed);
        return new ChunkWrite(ref, sealed.length);
    }

    /** The chunk's plain bytes, checked: it opens under its name, has its size, and hashes to its id. */
    private byte[] readChunk(ImageIndex.ChunkRef ref) throws IOException {
        String name = chunkName(ref.id());
        byte[] plain = unseal(name, backend.read(name));
        if (plain.length != ref.sizeBytes()) {
            throw new BrokenObjectException(name, "holds " + plain.length + " bytes where the image expects " + ref.sizeBytes());
        }
        if (!HEX.formatHex(chunkIdMac.get().doFinal(plain)).equals(ref.id())) {
            throw new BrokenObjectException(name, "does not hash to its name");
        }
        return plain;
    }

    private ImageIndex index(String imageId) throws IOException {
        String name = imageName(imageId);
        byte[] sealed;
        try {
            sealed = backend.read(name);
        } catch (FileNotFoundException e) {
            throw new FileNotFoundException("no image " + imageId + " in the backup store at " + backend.location());
        }
        ImageIndex index = ImageIndex.fromJson(unseal(name, sealed));
        if (!index.imageId().equals(imageId)) {
            throw new BrokenObjectException(name, "holds the index of image " + index.imageId());
        }
        return index;
    }

    /**
     * Compressed when zstd saves anything, then sealed under its name. A chunk whose two 4 KiB samples do not
     * compress (random data, already compressed files: most of a disk's bytes) is stored as is without trying the
     * whole: that try cost as much CPU as sealing it (ChunkCodecBenchmark).
     */
    private byte[] seal(String name, byte[] plain) {
        if (looksCompressible(plain)) {
            byte[] payload = new byte[1 + (int) Zstd.compressBound(plain.length)];
            long compressed = Zstd.compressByteArray(payload, 1, payload.length - 1, plain, 0, plain.length, COMPRESSION_LEVEL);
            if (!Zstd.isError(compressed) && compressed < plain.length) {
                payload[0] = ZSTD;
                return sealer.seal(name, payload, 0, 1 + (int) compressed);
            }
        }
        byte[] raw = new byte[1 + plain.length];
        raw[0] = RAW;
        System.arraycopy(plain, 0, raw, 1, plain.length);
        return sealer.seal(name, raw, 0, raw.length);
    }

    private static boolean looksCompressible(byte[] plain) {
        if (plain.length < 4 * SAMPLE_BYTES) {
            return true;
        }
        byte[] sample = new byte[(int) Zstd.compressBound(SAMPLE_BYTES)];
        for (int at : new int[] {0, plain.length / 2}) {
            long size = Zstd.compressByteArray(sample, 0, sample.length, plain, at, SAMPLE_BYTES, COMPRESSION_LEVEL);
            if (Zstd.isError(size) || size < SAMPLE_BYTES * 31L / 32) {
                return true;
            }
        }
        return false;
    }

    private byte[] unseal(String name, byte[] sealed) throws BrokenObjectException {
        byte[] payload = sealer.open(name, sealed);
        if (payload.length == 0) {
            throw new BrokenObjectException(name, "is empty");
        }
        if (payload[0] == RAW) {
            return java.util.Arrays.copyOfRange(payload, 1, payload.length);
        }
        if (payload[0] != ZSTD) {
            throw new BrokenObjectException(name, "names an unknown compression " + payload[0]);
        }
        long size = Zstd.getFrameContentSize(payload, 1, payload.length - 1);
        if (Zstd.isError(size) || size < 0 || size > Integer.MAX_VALUE - 16) {
            throw new BrokenObjectException(name, "holds no readable zstd frame");
        }
        byte[] plain = new byte[(int) size];
        long read = Zstd.decompressByteArray(plain, 0, plain.length, payload, 1, payload.length - 1);
        if (Zstd.isError(read) || read != size) {
            throw new BrokenObjectException(name, "holds a zstd frame that does not decompress");
        }
        return plain;
    }

    private String imageName(String imageId) {
        if (imageId == null || !IMAGE_ID.matcher(imageId).matches()) {
            throw new IllegalArgumentException("imageId: a lower-case UUID as ingest returned, not " + imageId);
        }
        return IMAGES + imageId;
    }

    static String chunkName(String id) {
        return CHUNKS + id.substring(0, 2) + "/" + id;
    }


    private record ChunkWrite(ImageIndex.ChunkRef ref, long storedBytes) { }

    /** The bounded, ordered run of tasks in flight: results come back in the order they were submitted. */
    private final class Window<T> {

        private final ArrayDeque<Future<T>> tasks = new ArrayDeque<>();

        void submit(Callable<T> task) {
            tasks.add(workers.submit(task));
        }

        boolean full() {
            return tasks.size() >= window;
        }

        boolean isEmpty() {
            return tasks.isEmpty();
        }

        T next() throws IOException {
            Future<T> head = tasks.poll();
            try {
                return head.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while the backup store worked");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IOException(e.getCause());
            }
        }

        /**
         * After a failure or at the end: what has not started never starts. A task already running may still finish
         * its write, which is harmless: a chunk no index names yet, which prune removes.
         */
        void cancel() {
            for (Future<T> task : tasks) {
                task.cancel(true);
            }
            tasks.clear();
        }
    }
}
