package bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.mvinfra.backup.store.BackupStore;
import io.mvinfra.backup.store.Ingested;
import io.mvinfra.backup.store.Progress;
import io.mvinfra.backup.store.StoreKey;
import io.mvinfra.objectstorage.ObjectStorage;
import support.S3Server;
import support.TestHosts;

/**
 * Our store next to restic (Debian's package) on the same image, printed not asserted: a QCOW2 image of 1 GiB virtual
 * size holding 600 MiB of random data and 200 MiB of repetitive text (made with qemu-img convert from a sparse raw
 * file), backed up into a local store by each, restored, then changed by 64 scattered 160 KiB writes (10 MiB, with
 * qemu-io) and backed up again. Figures: ingest MiB/s of image bytes, stored bytes, restore MiB/s (and whether the
 * restored file is byte-identical), bytes the second backup added. Everything lives under target/bench-backup and is
 * deleted at the end. Our store also goes into S3Proxy on loopback (-Dbench.s3=false skips it), for what one object per
 * chunk costs over S3. Needs qemu-utils and restic.
 * mvn -B -q -Pbench test-compile exec:exec@bench -Dbench=BackupStoreBenchmark
 */
public final class BackupStoreBenchmark {

    private static final long MIB = 1024L * 1024;
    private static final String PASSPHRASE = "bench passphrase, not a secret";

    public static void main(String[] args) throws Exception {
        Path work = TestHosts.projectDir().resolve("target/bench-backup");
        deleteTree(work);
        Files.createDirectories(work);
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        try {
            Path image = makeImage(work);
            long imageBytes = Files.size(image);
            System.out.printf("image: %s, %.1f MiB qcow2 file (1 GiB virtual: 600 MiB random + 200 MiB text); %d cores, load %.2f%n",
                    image.getFileName(), imageBytes / (double) MIB, os.getAvailableProcessors(), os.getSystemLoadAverage());

            Result ours = new Result("mv-infra store");
            Result restic = new Result("restic " + restic(work, List.of("version")).trim().split("\\s+")[1]);
            Path ourStore = work.resolve("ours");
            Path resticRepo = work.resolve("restic-repo");
            restic(work, List.of("init", "--repo", resticRepo.toString()));

            String imageDigest = sha256(image);
            try (BackupStore store = BackupStore.open(ourStore.toUri(), StoreKey.fromPassphrase(PASSPHRASE.toCharArray()), null)) {
                Ingested first = timedIngest(store, image, ours);
                ours.storedBytes = treeBytes(ourStore);
                Path restored = work.resolve("ours-restored.qcow2");
                long start = System.nanoTime();
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(restored), 1 << 20)) {
                    store.restore(first.imageId(), out, Progress.NONE);
                }
                ours.restoreSeconds = seconds(start);
                ours.identical = sha256(restored).equals(imageDigest);
                Files.delete(restored);
            }
            // the same again in this JVM, into a new store: what a long-running host (serve) sees, the JIT warm
            Path warmStore = work.resolve("ours-warm");
            Result warm = new Result("ours warm");
            try (BackupStore store = BackupStore.open(warmStore.toUri(), StoreKey.fromPassphrase(PASSPHRASE.toCharArray()), null)) {
                timedIngest(store, image, warm);
            }
            deleteTree(warmStore);

            long start = System.nanoTime();
            restic.ingestCpuSeconds = resticCpuSeconds(restic(work, List.of("backup", "--repo", resticRepo.toString(), "--quiet", image.toString())));
            restic.ingestSeconds = seconds(start);
            restic.loadAtIngest = os.getSystemLoadAverage();
            restic.storedBytes = treeBytes(resticRepo);
            Path resticTarget = work.resolve("restic-restored");
            start = System.nanoTime();
            restic(work, List.of("restore", "latest", "--repo", resticRepo.toString(), "--target", resticTarget.toString()));
            restic.restoreSeconds = seconds(start);
            Path resticRestored = resticTarget.resolve(image.toString().substring(1));
            restic.identical = sha256(resticRestored).equals(imageDigest);
            deleteTree(resticTarget);

            Result s3 = new Result("ours on S3Proxy");
            if (!"false".equals(System.getProperty("bench.s3", "true"))) {
                try (S3Server server = S3Server.start("bench-store"); ObjectStorage bucket = server.connect("bench-store");
                     BackupStore store = BackupStore.open(java.net.URI.create("s3://bench-store/store"),
                             StoreKey.fromPassphrase(PASSPHRASE.toCharArray()), bucket)) {
                    Ingested first = timedIngest(store, image, s3);
                    s3.storedBytes = first.storedBytesTotal();
                    long s3Start = System.nanoTime();
                    HashingSink sink = new HashingSink();
                    store.restore(first.imageId(), sink, Progress.NONE);
                    s3.restoreSeconds = seconds(s3Start);
                    s3.identical = sink.hex().equals(imageDigest);
                    s3.objects = first.newChunks() + 2;
                    s3.secondAdded = -1;
                }
            }

            scatteredWrites(image);
            long changedBytes = Files.size(image);
            try (BackupStore store = BackupStore.open(ourStore.toUri(), StoreKey.fromPassphrase(PASSPHRASE.toCharArray()), null)) {
                long before = treeBytes(ourStore);
                try (InputStream in = new BufferedInputStream(Files.newInputStream(image), 1 << 20)) {
                    Ingested second = store.ingest("bench after 1 %", in, Progress.NONE);
                    ours.secondReported = second.addedBytes();
                }
                ours.secondAdded = treeBytes(ourStore) - before;
            }
            long before = treeBytes(resticRepo);
            restic(work, List.of("backup", "--repo", resticRepo.toString(), "--quiet", image.toString()));
            restic.secondAdded = treeBytes(resticRepo) - before;

            System.out.printf("%-18s %13s %18s %11s %14s %10s %16s %6s%n", "", "ingest MiB/s", "ingest MiB/cpu-s", "stored MB",
                    "restore MiB/s", "identical", "2nd backup adds", "load");
            for (Result r : s3.objects > 0 ? List.of(ours, restic, s3) : List.of(ours, restic)) {
                System.out.printf("%-18s %13.1f %18.1f %11.1f %14.1f %10s %13.1f MB %6.2f%n", r.name, imageBytes / MIB / r.ingestSeconds,
                        imageBytes / MIB / r.ingestCpuSeconds, r.storedBytes / 1e6, imageBytes / MIB / r.restoreSeconds, r.identical,
                        r.secondAdded / 1e6, r.loadAtIngest);
            }
            System.out.printf("(ours again in the same JVM, warm, into a new store: %.1f MiB/s, %.1f MiB/cpu-s)%n",
                    imageBytes / MIB / warm.ingestSeconds, imageBytes / MIB / warm.ingestCpuSeconds);
            if (s3.objects > 0) {
                System.out.printf("(on S3Proxy, which writes through jclouds' filesystem store on this same machine: %d objects, the server's CPU"
                        + " counted in ours; no second backup there)%n", s3.objects);
            }
            System.out.printf("(second backup after 64 x 160 KiB writes of %s data; ours reported %.1f MB added; the changed image is %.1f MiB)%n",
                    System.getProperty("bench.writes", "random"), ours.secondReported / 1e6, changedBytes / (double) MIB);
        } finally {
            deleteTree(work);
        }
    }

    private static final class Result {
        final String name;
        double ingestSeconds;
        double restoreSeconds;
        long storedBytes;
        long secondAdded;
        long secondReported;
        boolean identical;
        int objects;
        double loadAtIngest;
        double ingestCpuSeconds;

        Result(String name) {
            this.name = name;
        }
    }

    /** A sparse 1 GiB raw disk: 600 MiB random from 0, 200 MiB of log-like text from 640 MiB, converted to qcow2. */
    private static Path makeImage(Path work) throws IOException, InterruptedException {
        Path raw = work.resolve("disk.raw");
        try (RandomAccessFile file = new RandomAccessFile(raw.toFile(), "rw")) {
            file.setLength(1024 * MIB);
            SplittableRandom random = new SplittableRandom(2026);
            byte[] block = new byte[(int) MIB];
            for (int mib = 0; mib < 600; mib++) {
                for (int i = 0; i < block.length; i += 8) {
                    long value = random.nextLong();
                    for (int b = 0; b < 8; b++) {
                        block[i + b] = (byte) (value >>> (8 * b));
                    }
                }
                file.write(block);
            }
            file.seek(640 * MIB);
            StringBuilder text = new StringBuilder();
            long line = 0;
            long written = 0;
            while (written < 200 * MIB) {
                text.setLength(0);
                while (text.length() < MIB) {
                    text.append("2026-12-01T23:").append(String.format("%02d:%02d", (line / 60) % 60, line % 60))
                            .append(" web-").append(line % 7).append(" nginx[812]: GET /api/v1/items/").append(line % 1000)
                            .append(" 200 ").append(line % 97).append("ms\n");
                    line++;
                }
                byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
                int n = (int) Math.min(MIB, 200 * MIB - written);
                file.write(bytes, 0, n);
                written += n;
            }
        }
        Path image = work.resolve("disk.qcow2");
        run(Map.of(), work, List.of("qemu-img", "convert", "-f", "raw", "-O", "qcow2", raw.toString(), image.toString()));
        Files.delete(raw);
        return image;
    }

    /**
     * 64 writes of 160 KiB spread over the 1 GiB disk (some on data, some on unallocated clusters), of random bytes
     * (qemu-io -s), or with -Dbench.writes=pattern of qemu-io's constant patterns (which compress to nothing).
     */
    private static void scatteredWrites(Path image) throws IOException, InterruptedException {
        boolean pattern = "pattern".equals(System.getProperty("bench.writes", "random"));
        List<String> command = new ArrayList<>(List.of("qemu-io"));
        long stride = 1024 * MIB / 64;
        SplittableRandom random = new SplittableRandom(64);
        for (int w = 0; w < 64; w++) {
            long offset = w * stride + (w * 37L % 64) * 64 * 1024;
            command.add("-c");
            if (pattern) {
                command.add("write -P 0x" + Integer.toHexString(0x10 + w) + " " + offset + " 160k");
            } else {
                byte[] data = new byte[160 * 1024];
                for (int i = 0; i < data.length; i++) {
                    data[i] = (byte) random.nextInt(256);
                }
                Path source = image.resolveSibling("write-" + w + ".bin");
                Files.write(source, data);
                command.add("write -s " + source + " " + offset + " 160k");
            }
        }
        command.add(image.toString());
        run(Map.of(), image.getParent(), command);
    }

    /** Ingests the image file, noting wall and CPU time and the load into {@code into}. */
    private static Ingested timedIngest(BackupStore store, Path image, Result into) throws IOException {
        long start = System.nanoTime();
        long cpu = jvmCpuNanos();
        Ingested ingested;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(image), 1 << 20)) {
            ingested = store.ingest(into.name, in, Progress.NONE);
        }
        into.ingestSeconds = seconds(start);
        into.ingestCpuSeconds = (jvmCpuNanos() - cpu) / 1e9;
        into.loadAtIngest = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return ingested;
    }

    /** The whole JVM's CPU time: our workers, the reading thread, GC and JIT alike. */
    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** restic's user + system CPU seconds, from bash's {@code times} after it (its children's line). */
    private static double resticCpuSeconds(String output) {
        String[] lines = output.strip().split("\n");
        double seconds = 0;
        for (String part : lines[lines.length - 1].trim().split("\\s+")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)m([\\d.]+)s").matcher(part);
            if (m.matches()) {
                seconds += Integer.parseInt(m.group(1)) * 60 + Double.parseDouble(m.group(2));
            }
        }
        return seconds;
    }

    /** restic under bash, which prints the CPU time it used ({@code times}) as the last line. */
    private static String restic(Path work, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", "-c", "restic \"$@\" && times", "restic"));
        command.addAll(args);
        return run(Map.of("RESTIC_PASSWORD", PASSPHRASE, "RESTIC_CACHE_DIR", work.resolve("restic-cache").toString()), work, command);
    }

    private static String run(Map<String, String> env, Path dir, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    /** Digests what is written, keeps nothing. */
    private static final class HashingSink extends OutputStream {
        private final MessageDigest digest;

        HashingSink() throws Exception {
            digest = MessageDigest.getInstance("SHA-256");
        }

        @Override
        public void write(int b) {
            digest.update((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            digest.update(b, off, len);
        }

        String hex() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static long treeBytes(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 20];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
