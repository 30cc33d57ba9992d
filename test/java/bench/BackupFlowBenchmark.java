package bench;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mvinfra.host.runtime.PressResult;
import io.mvinfra.scaleway.BackupTestbed;

/**
 * The whole "Back up now" and "Restore to a new volume" on loopback: Block Storage played by the fake (its export and
 * import copy the QCOW2 through S3Proxy), the store in a directory, waits on a fake clock (no poll interval is slept).
 * Prints each step's wall-clock time (from its progress line to the next), the image throughput of a backup and of a restore, and what a second backup after a 1 % change
 * (64 scattered 160 KiB writes per GiB, scaled to the disk) adds. Printed, not asserted; the store's own figures beside
 * restic's are BackupStoreBenchmark's.
 * mvn -B -q -Pbench test-compile exec:exec@bench -Dbench=BackupFlowBenchmark [-Dbench.virtualMiB=1024 -Dbench.randomMiB=600 -Dbench.textMiB=200]
 */
public final class BackupFlowBenchmark {

    public static void main(String[] args) throws Exception {
        int virtual = Integer.getInteger("bench.virtualMiB", 256);
        int random = Integer.getInteger("bench.randomMiB", 150);
        int text = Integer.getInteger("bench.textMiB", 50);
        try (BackupTestbed bed = BackupTestbed.sized(virtual, random, text)) {
            double imageMiB = Files.size(bed.image()) / 1048576.0;
            System.out.printf("image: %d MiB virtual, %.1f MiB QCOW2 (%d MiB random, %d MiB pattern); load %s%n", virtual, imageMiB, random, text,
                    Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip());
            long start = System.nanoTime();
            Map<String, Long> steps = new LinkedHashMap<>();   // wall-clock ms from each step's announcement to the next
            long[] last = {start};
            String[] current = {null};
            PressResult first = bed.backUp(line -> {
                if (!line.contains(":")) {
                    long now = System.nanoTime();
                    if (current[0] != null) {
                        steps.put(current[0], (now - last[0]) / 1_000_000);
                    }
                    current[0] = line;
                    last[0] = now;
                }
            });
            long end = System.nanoTime();
            steps.put(current[0], (end - last[0]) / 1_000_000);
            double backupS = (end - start) / 1e9;
            check(first);
            Map<String, Object> backup = bed.backups().get(0);
            System.out.printf("backup:  %.2f s, %.1f MiB/s of image; stored %d bytes; wall ms per step %s%n", backupS, imageMiB / backupS,
                    backup.get("storedBytes"), steps);

            start = System.nanoTime();
            PressResult restored = bed.restore((String) backup.get("uuid"), "bench-restored");
            double restoreS = (System.nanoTime() - start) / 1e9;
            check(restored);
            System.out.printf("restore: %.2f s, %.1f MiB/s of image; qemu-img compare %s%n", restoreS, imageMiB / restoreS,
                    BackupTestbed.compare(bed.image(), bed.restoredImage("bench-restored")) == 0 ? "identical" : "DIFFERENT");

            int writes = Math.max(1, 64 * virtual / 1024);
            for (int i = 0; i < writes; i++) {
                bed.writeRandom((long) (i + 0.5) * virtual * BackupTestbed.MIB / writes / 4096 * 4096, 160 * 1024, 5000 + i);
            }
            start = System.nanoTime();
            check(bed.backUp());
            double secondS = (System.nanoTime() - start) / 1e9;
            List<Map<String, Object>> all = bed.backups();
            System.out.printf("second backup after %d x 160 KiB writes: %.2f s, added %d bytes%n", writes, secondS,
                    all.stream().filter(b -> !b.get("uuid").equals(backup.get("uuid"))).findFirst().orElseThrow().get("storedBytes"));
        }
    }

    private static void check(PressResult result) {
        if (!result.succeeded()) {
            throw new IllegalStateException(result.message());
        }
    }
}
