package io.mvinfra.host.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mvinfra.host.Host;
import io.mvinfra.host.runtime.JobResult;
import support.TestHosts;
import support.TestHosts.Db;

class HostSchedulerTest {

    @TempDir
    Path home;
    @TempDir
    Path otherHome;

    @Test
    void firesTheModulesJobOnItsTimer() {
        try (Host host = TestHosts.open(home, Db.EMBEDDED, TestHosts.sampleModule())) {
            host.startScheduler();

            // the timer may have started a third run by the time two have ended: only ended runs are judged
            List<JobResult> runs = waitFor(() -> host.jobs().recentRuns("tick", 10).stream()
                    .filter(r -> !"RUNNING".equals(r.outcome())).toList(), r -> r.size() >= 2, Duration.ofSeconds(15));

            assertThat(runs).hasSizeGreaterThanOrEqualTo(2);
            assertThat(runs).allSatisfy(r -> {
                assertThat(r.triggeredBy()).isEqualTo("scheduler");
                assertThat(r.outcome()).isEqualTo("SUCCESS");
                assertThat(r.report()).isEqualTo("tick by scheduler");
            });
        }
    }

    @Test
    void twoHostsSharingPostgresFireEachExecutionOnce() throws InterruptedException {
        TestHosts.requirePostgres();
        String schema = TestHosts.freshSchema();
        try (Host first = Host.open(TestHosts.settings(home, Db.POSTGRES, TestHosts.sampleModule(), schema));
             Host second = Host.open(TestHosts.settings(otherHome, Db.POSTGRES, TestHosts.sampleModule(), schema))) {
            Instant start = Instant.now();
            first.startScheduler();
            second.startScheduler();
            Thread.sleep(4_000);
            first.close();
            second.close();
            long seconds = Duration.between(start, Instant.now()).toSeconds();

            try (Host reader = Host.open(TestHosts.settings(home, Db.POSTGRES, TestHosts.sampleModule(), schema))) {
                List<JobResult> runs = reader.jobs().recentRuns("tick", 100);
                // two independent timers would give about 2 runs a second; one shared schedule gives at most one
                assertThat(runs).hasSizeBetween(2, (int) seconds + 1);
            }
        }
    }

    private static <T> T waitFor(Supplier<T> probe, java.util.function.Predicate<T> done, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        T value = probe.get();
        while (!done.test(value) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            value = probe.get();
        }
        return value;
    }
}
