package bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.mvinfra.host.Host;
import io.mvinfra.host.runtime.PressRequest;
import io.mvinfra.host.runtime.PressResult;
import io.mvinfra.host.store.StoredEntity;
import support.TestHosts;
import support.TestHosts.Db;

/**
 * Host overhead, printed not asserted: per button press with a no-op script (p50, p99 over 1 000 presses),
 * storing and listing 100 000 entities on the embedded database and on PostgreSQL, and the peak heap.
 * Run: mvn -B -q -Pbench test-compile exec:exec@bench   (JVM: -Xmx512m)
 */
public final class HostBenchmark {
    private static final int PRESSES = 1_000;
    private static final int WARMUP = 300;
    private static final int ENTITIES = Integer.getInteger("bench.entities", 100_000);
    private static final int BATCH = 1_000;
    private static final int PAGE = 1_000;

    public static void main(String[] args) throws Exception {
        System.out.printf("host benchmark: JVM max heap %d MB, %d cores%n", Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
        for (Db db : Db.values()) {
            if (db == Db.POSTGRES && !postgresReachable()) {
                System.out.println("POSTGRES: skipped (not reachable at " + TestHosts.PG_URL + ")");
                continue;
            }
            run(db);
        }
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getPeakUsage).mapToLong(u -> u.getUsed()).sum();
        System.out.printf("peak heap used: %d MB (limit %d MB)%n", peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }

    private static void run(Db db) throws Exception {
        Path home = TestHosts.tempHome();
        try (Host host = Host.open(TestHosts.settings(home, db, TestHosts.sampleModule()))) {
            StoredEntity gadget = host.store().create("Gadget", Map.of("name", "bench"));
            PressRequest press = new PressRequest("Gadget", "noop", gadget.uuid(), "bench", Map.of());
            for (int i = 0; i < WARMUP; i++) {
                host.actions().press(press);
            }
            long[] nanos = new long[PRESSES];
            for (int i = 0; i < PRESSES; i++) {
                long t = System.nanoTime();
                PressResult r = host.actions().press(press);
                nanos[i] = System.nanoTime() - t;
                if (!r.succeeded()) {
                    throw new IllegalStateException(r.message());
                }
            }
            Arrays.sort(nanos);
            System.out.printf("%s: press overhead (no-op script, %d presses incl. audit row): p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", db, PRESSES,
                    nanos[PRESSES / 2] / 1e6, nanos[PRESSES * 99 / 100] / 1e6, nanos[PRESSES - 1] / 1e6);

            long t = System.nanoTime();
            for (int from = 0; from < ENTITIES; from += BATCH) {
                List<Map<String, Object>> batch = new ArrayList<>(BATCH);
                for (int i = from; i < from + BATCH; i++) {
                    batch.add(Map.of("name", "g-" + i, "size", (long) (i % 100 + 1), "color", i % 2 == 0 ? "red" : "blue",
                            "tags", List.of("t" + i % 7, "bench"), "enabled", i % 3 == 0));
                }
                host.store().createAll("Gadget", batch);
            }
            double storeSeconds = (System.nanoTime() - t) / 1e9;
            t = System.nanoTime();
            long listed = 0;
            StoredEntity last = null;
            for (List<StoredEntity> page = host.store().listAfter("Gadget", null, PAGE); !page.isEmpty();
                    page = host.store().listAfter("Gadget", last, PAGE)) {
                listed += page.size();
                last = page.get(page.size() - 1);
            }
            double listSeconds = (System.nanoTime() - t) / 1e9;
            long[] lookups = new long[100];
            int found = 0;
            for (int i = 0; i < lookups.length; i++) {
                t = System.nanoTime();
                found += host.store().findBy("Gadget", Map.of("name", "g-" + (i * 997 % ENTITIES))).size();
                lookups[i] = System.nanoTime() - t;
            }
            Arrays.sort(lookups);
            double findMillis = lookups[lookups.length / 2] / 1e6;
            System.out.printf("%s: stored %d entities in %.1f s (%.0f/s, batches of %d), listed %d in %.1f s (pages of %d), indexed lookup by field: median %.1f ms over 100 lookups (%d found)%n",
                    db, ENTITIES, storeSeconds, ENTITIES / storeSeconds, BATCH, listed, listSeconds, PAGE, findMillis, found);
        }
    }

    private static boolean postgresReachable() {
        try (var c = java.sql.DriverManager.getConnection(TestHosts.PG_URL, TestHosts.PG_USER, TestHosts.PG_PASSWORD)) {
            return c.isValid(2);
        } catch (java.sql.SQLException e) {
            return false;
        }
    }
}
