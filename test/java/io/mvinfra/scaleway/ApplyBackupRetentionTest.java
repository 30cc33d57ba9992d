package io.mvinfra.scaleway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mvinfra.backup.store.BackupStore;
import io.mvinfra.backup.store.StoreKey;
import io.mvinfra.backup.store.StoredImage;
import io.mvinfra.host.runtime.AuditEntry.Outcome;
import io.mvinfra.host.runtime.JobResult;

/**
 * The backup-retention job ({@link ApplyBackupRetention}): keeps each volume's last N backups and the newest of each
 * of the last D days, removes the others and their images, and prunes what no image references.
 */
class ApplyBackupRetentionTest {

    private BackupTestbed bed;
    /** Backup uuids, oldest first: one a day for 5 days, two on the last. */
    private final List<String> backups = new ArrayList<>();

    @BeforeEach
    void backUpOverSixDays() throws Exception {
        bed = BackupTestbed.open();
        for (int day = 0; day < 6; day++) {
            if (day < 5 && day > 0) {
                bed.time.advance(Duration.ofDays(1));
            }
            Qcow2.writeRandom(bed.image, (2 + day) * BackupTestbed.MIB, 512 * 1024, 1000 + day);   // each backup has chunks of its own
            assertThat(bed.scw.press("Volume", "backUpScalewayVolume", bed.volume).outcome()).isEqualTo(Outcome.SUCCESS);
            bed.time.advance(Duration.ofMinutes(5));
            backups.add(newest());
        }
    }

    @AfterEach
    void close() throws Exception {
        bed.close();
    }

    @Test
    void keepsTheLastTwoAndTheNewestOfEachOfTheLastThreeDaysThenPrunes() throws Exception {
        bed.scw.update("ServiceProvider", bed.scw.provider, "backupKeepLast", 2L, "backupKeepDailyDays", 3L);

        JobResult run = bed.scw.host.jobs().run("backup-retention", "tester");

        assertThat(run.succeeded()).as(run.report()).isTrue();
        // days: 0 1 2 3 4 4 → the last two (both of day 4), and the newest of days 3 and 2 (day 4's is among the last two)
        List<String> left = bed.scw.all("Backup", "volume", bed.volume).stream().map(b -> b.uuid()).toList();
        assertThat(left).containsExactlyInAnyOrder(backups.get(2), backups.get(3), backups.get(4), backups.get(5));
        try (BackupStore store = BackupStore.open(bed.storeDir().toUri(), StoreKey.fromPassphrase(BackupTestbed.PASSPHRASE.toCharArray()), null)) {
            assertThat(store.images().stream().map(StoredImage::imageId).toList()).containsExactlyInAnyOrderElementsOf(
                    left.stream().map(uuid -> (String) bed.scw.field("Backup", uuid, "storeReference")).toList());
        }
        assertThat(run.report()).contains("scw-main: 4 backups kept, 2 removed by the retention (keep the last 2, and daily for 3 days)").containsPattern("pruned [1-9][0-9]* chunks");
    }

    @Test
    void withoutARetentionEveryBackupStaysAndPruneFreesNothing() {
        JobResult run = bed.scw.host.jobs().run("backup-retention", "tester");

        assertThat(run.succeeded()).as(run.report()).isTrue();
        assertThat(bed.scw.all("Backup", "volume", bed.volume)).hasSize(6);
        assertThat(run.report()).contains("scw-main: 6 backups kept, 0 removed by the retention (none set); pruned 0 chunks, 0 bytes freed");
    }

    @Test
    void runsDailyAsAMeveoScriptingJob() {
        assertThat(bed.scw.host.module().jobs().get("backup-retention").timerCode()).isEqualTo("every-day-0330");
        assertThat(bed.scw.host.module().jobs().get("backup-retention").script()).isEqualTo(ApplyBackupRetention.class.getName());
        assertThat(bed.scw.host.module().timers().get("every-day-0330").cron()).isEqualTo("0 30 3 * * *");
        assertThat(bed.scw.host.startScheduler().scheduled()).contains("backup-retention (0 30 3 * * *)");
    }

    private String newest() {
        return bed.scw.all("Backup", "volume", bed.volume).stream()
                .filter(b -> !backups.contains(b.uuid())).findFirst().orElseThrow().uuid();
    }
}
