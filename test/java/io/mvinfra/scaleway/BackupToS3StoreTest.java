package io.mvinfra.scaleway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mvinfra.host.runtime.AuditEntry.Outcome;
import io.mvinfra.host.runtime.PressRequest;
import io.mvinfra.host.runtime.PressResult;

/** A store in an S3 bucket ({@code backupStore = s3://backups/store}), at the same endpoint and under the same keys as staging. */
class BackupToS3StoreTest {

    private BackupTestbed bed;

    @BeforeEach
    void open() throws Exception {
        bed = BackupTestbed.withStoreAt("s3://backups/store");
    }

    @AfterEach
    void close() throws Exception {
        bed.close();
    }

    @Test
    void backsUpIntoTheBucketShowingEachStepAndRestoresIdentical() throws Exception {
        List<String> progress = new ArrayList<>();

        PressResult backedUp = bed.scw.host.actions().press(new PressRequest("Volume", "backUpScalewayVolume", bed.volume, "tester", Map.of())
                .withProgress(progress::add));

        assertThat(backedUp.outcome()).as(backedUp.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(progress).contains("snapshot the volume", "wait for the snapshot", "export the snapshot to Object Storage",
                "wait for the exported object", "ingest the image into the store", "delete the staging object and the snapshot");
        assertThat(progress).anyMatch(line -> line.matches("ingest: [0-9.]+ MiB of [0-9.]+ MiB \\(100 %\\)"));
        assertThat(bed.keys("backups")).isNotEmpty().allMatch(key -> key.startsWith("store/"));
        assertThat(bed.keys("staging")).isEmpty();
        String backup = bed.scw.all("Backup", "volume", bed.volume).get(0).uuid();
        assertThat(bed.scw.field("Backup", backup, "store")).isEqualTo("s3://backups/store");

        PressResult restored = bed.scw.press("Backup", "restoreScalewayBackup", backup, Map.of("name", "data-1-from-s3"));

        assertThat(restored.outcome()).as(restored.message()).isEqualTo(Outcome.SUCCESS);
        String id = (String) bed.scw.all("Volume", "name", "data-1-from-s3").get(0).value("providerSideId");
        assertThat(Qcow2.compare(bed.image, bed.block.bytesOfVolume(id))).isZero();
        assertThat(bed.keys("staging")).isEmpty();
        assertThat(bed.block.snapshotNames()).isEmpty();
    }
}
