package io.mvinfra.scaleway;

import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mvinfra.backup.store.StoreKey;
import io.mvinfra.host.runtime.AuditEntry.Outcome;
import io.mvinfra.host.runtime.PressResult;
import io.mvinfra.host.store.StoredEntity;
import io.mvinfra.scaleway.backups.StoreKeys;

/**
 * Volume → "Back up now" ({@link BackUpVolume}) end to end: Block Storage played with real bytes, a real S3 server,
 * a real QCOW2 image; what each step sends, what the Backup records, and that nothing is left at Scaleway or in the
 * staging bucket, after success and after a failure at each step.
 */
class BackUpVolumeTest {

    private static final String SNAPSHOTS = "/block/v1/zones/fr-par-1/snapshots";
    private BackupTestbed bed;

    @BeforeEach
    void open() throws Exception {
        bed = BackupTestbed.open();
    }

    @AfterEach
    void close() throws Exception {
        bed.close();
    }

    @Test
    void snapshotsExportsIngestsCleansUpAndRecordsTheBackup() throws Exception {
        PressResult result = bed.scw.press("Volume", "backUpScalewayVolume", bed.volume);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        StoredEntity backup = onlyBackup();
        String key = "mv-infra/backups/" + bed.volumeId + "/" + backup.uuid() + ".qcow2";
        bed.wm.verify(postRequestedFor(urlPathEqualTo(SNAPSHOTS)).withRequestBody(equalToJson("{\"volume_id\": \"" + bed.volumeId
                + "\", \"name\": \"mv-infra-backup-" + backup.uuid() + "\", \"project_id\": \"" + ScalewayTestbed.PROJECT
                + "\", \"tags\": [\"mv-infra-backup\"]}")));
        bed.wm.verify(postRequestedFor(urlPathMatching(SNAPSHOTS + "/[0-9a-f-]+/export-to-object-storage"))
                .withRequestBody(equalToJson("{\"bucket\": \"staging\", \"key\": \"" + key + "\"}")));
        bed.wm.verify(1, deleteRequestedFor(urlPathMatching(SNAPSHOTS + "/[0-9a-f-]+")));
        assertThat(backup.value("state")).isEqualTo("completed");
        assertThat(backup.value("volume")).isEqualTo(bed.volume);
        assertThat(backup.value("zone")).isEqualTo("fr-par-1");
        assertThat(backup.value("volumeId")).isEqualTo(bed.volumeId);
        assertThat(backup.value("volumeSize")).isEqualTo(BackupTestbed.VOLUME_SIZE);
        assertThat(backup.value("bucket")).isEqualTo("staging");
        assertThat(backup.value("objectKey")).isNull();
        assertThat(backup.value("snapshotId")).isNull();
        assertThat(backup.value("store")).isEqualTo(bed.storeUri);
        assertThat(backup.value("storeReference")).isNotNull();
        assertThat(backup.value("sizeBytes")).isEqualTo(Files.size(bed.image));
        assertThat(backup.value("digest")).isEqualTo(BackupTestbed.sha256(bed.image));
        assertThat((Long) backup.value("storedBytes")).isPositive().isLessThan(Files.size(bed.image));
        assertThat(backup.value("completedDate")).isNotNull();
        assertThat(((Map<?, ?>) backup.value("stepTimings")).keySet()).map(String::valueOf).containsExactly("open-store", "snapshot", "wait-snapshot", "export",
                "wait-export", "ingest", "cleanup");
        assertThat(result.message()).startsWith("Volume data-1 backed up (Backup " + backup.uuid() + "): a " + Files.size(bed.image)
                + "-byte QCOW2 image, " + backup.value("storedBytes") + " bytes added to " + bed.storeUri);
        assertThat(bed.keys("staging")).isEmpty();
        assertThat(bed.block.snapshotNames()).isEmpty();
    }

    @Test
    void aSecondBackupAfterAOnePercentChangeStoresOnlyASmallDelta() throws Exception {
        assertThat(bed.scw.press("Volume", "backUpScalewayVolume", bed.volume).outcome()).isEqualTo(Outcome.SUCCESS);
        long first = (Long) onlyBackup().value("storedBytes");
        for (int i = 0; i < 4; i++) {   // 4 scattered writes of 160 KiB: 1 % of the 64 MiB disk
            Qcow2.writeRandom(bed.image, (3 + i * 11) * BackupTestbed.MIB + 4096L * i, 160 * 1024, 100 + i);
        }

        PressResult second = bed.scw.press("Volume", "backUpScalewayVolume", bed.volume);

        assertThat(second.outcome()).as(second.message()).isEqualTo(Outcome.SUCCESS);
        StoredEntity latest = bed.scw.all("Backup", "volume", bed.volume).stream().filter(b -> !b.value("storedBytes").equals(first))
                .findFirst().orElseThrow();
        assertThat(latest.value("digest")).isEqualTo(BackupTestbed.sha256(bed.image));
        assertThat((Long) latest.value("storedBytes")).as("bytes the second backup added, the first added %d", first)
                .isLessThan(first / 5);
    }

    @Test
    void aWrongPassphraseFailsClearlyBeforeAnythingIsMadeAndWritesNothing() throws Exception {
        assertThat(bed.scw.press("Volume", "backUpScalewayVolume", bed.volume).outcome()).isEqualTo(Outcome.SUCCESS);
        List<String> storeFiles = storeFiles();
        StoreKeys.use(() -> StoreKey.fromPassphrase("not the passphrase".toCharArray()));

        PressResult result = bed.scw.press("Volume", "backUpScalewayVolume", bed.volume);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).startsWith("Backup of volume data-1 failed at step 'open the backup store' (open-store): ")
                .contains("was created with another key");
        bed.wm.verify(1, postRequestedFor(urlPathEqualTo(SNAPSHOTS)));   // the first backup's only
        assertThat(storeFiles()).isEqualTo(storeFiles);
        assertThat(bed.keys("staging")).isEmpty();
    }

    @Test
    void refusedSnapshotLeavesNothingAndSaysTheStepWithScalewaysCode() throws Exception {
        bed.block.refuse("create-snapshot", 409, "{\"current_state\": \"resizing\", \"message\": \"resource is in a transient state\", "
                + "\"resource\": \"volume\", \"resource_id\": \"" + bed.volumeId + "\", \"type\": \"transient_state\"}");

        PressResult result = bed.scw.press("Volume", "backUpScalewayVolume", bed.volume);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).startsWith("Backup of volume data-1 failed at step 'snapshot the volume' (snapshot): Scaleway refused the request (HTTP 409, transient_state)");
        StoredEntity backup = onlyBackup();
        assertThat(backup.value("state")).isEqualTo("failed");
        assertThat(backup.value("step")).isEqualTo("snapshot");
        assertThat((String) backup.value("stateReason")).contains("transient_state");
        assertNothingLeft();
    }

    @Test
    void aSnapshotGoingErrorIsDeletedAndTheStepSaid() throws Exception {
        bed.block.snapshotsFail();

        PressResult result = bed.scw.press("Volume", "backUpScalewayVolume", bed.volume);

        assertThat(result.message()).startsWith("Backup of volume data-1 failed at step 'wait for the snapshot' (wait-snapshot): ")
                .contains("went error").contains("cleaned up: snapshot ");
        assertThat(onlyBackup().value("snapshotId")).isNull();
        assertNothingLeft();
    }

    @Test
    void aRefusedExportDeletesTheSnapshotAndAnyStagingObject() throws Exception {
        bed.block.refuse("export", 403, "{\"message\": \"insufficient permissions\", \"type\": \"permissions_denied\", \"details\": "
                + "[{\"resource\": \"object_storage\", \"action\": \"write\"}]}");

        PressResult result = bed.scw.press("Volume", "backUpScalewayVolume", bed.volume);

        assertThat(result.message()).startsWith("Backup of volume data-1 failed at step 'export the snapshot to Object Storage' (export): "
                + "Scaleway refused the request (HTTP 403, permissions_denied)").contains("cleaned up: staging object s3://staging/", "snapshot ");
        assertThat(onlyBackup().value("step")).isEqualTo("export");
        assertNothingLeft();
    }

    @Test
    void anExportThatNeverEndsKeepsTheSnapshotItCannotDeleteAndTheNextBackupCleansIt() throws Exception {
        bed.block.exportsHang();

        PressResult result = bed.scw.press("Volume", "backUpScalewayVolume", bed.volume);

        assertThat(result.message()).startsWith("Backup of volume data-1 failed at step 'wait for the exported object' (wait-export): ")
                .contains("is still exporting after 120 min").contains("left behind, cleaned at the next press: snapshot ");
        StoredEntity failed = onlyBackup();
        assertThat(failed.value("snapshotId")).isNotNull();
        assertThat(bed.block.snapshotNames()).containsOnlyKeys("mv-infra-backup-" + failed.uuid());

        bed.block.exportsHangNoMore();
        PressResult meanwhile = bed.scw.press("Volume", "backUpScalewayVolume", bed.volume);

        assertThat(meanwhile.outcome()).as("a leftover that cannot go yet does not stop a new backup").isEqualTo(Outcome.SUCCESS);
        assertThat(meanwhile.message()).contains("; an earlier backup still holds, tried again at the next one: snapshot " + failed.value("snapshotId"));
        assertThat(bed.scw.field("Backup", failed.uuid(), "snapshotId")).isEqualTo(failed.value("snapshotId"));

        bed.block.snapshots.values().forEach(s -> s.json.put("status", "available"));   // Scaleway gave up exporting since
        PressResult retry = bed.scw.press("Volume", "backUpScalewayVolume", bed.volume);

        assertThat(retry.outcome()).as(retry.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(retry.message()).contains("first cleaned what an earlier backup left: snapshot " + failed.value("snapshotId"));
        assertThat(bed.scw.field("Backup", failed.uuid(), "snapshotId")).isNull();
        assertNothingLeft();
    }

    @Test
    void anIngestThatFailsDeletesTheStagingObjectAndTheSnapshot() throws Exception {
        bed.block.onExport(() -> {   // the store's directory gone and a file in its place: every chunk write fails
            try (var files = Files.walk(bed.storeDir())) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                Files.writeString(bed.storeDir(), "not a directory");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        PressResult result = bed.scw.press("Volume", "backUpScalewayVolume", bed.volume);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).startsWith("Backup of volume data-1 failed at step 'ingest the image into the store' (ingest): ")
                .contains("cleaned up: staging object s3://staging/", "snapshot ");
        StoredEntity backup = onlyBackup();
        assertThat(backup.value("step")).isEqualTo("ingest");
        assertThat(backup.value("snapshotId")).isNull();
        assertThat(backup.value("objectKey")).isNull();
        assertNothingLeft();
    }

    @Test
    void aSnapshotDeleteRefusedAfterTheIngestLeavesACompletedBackupHoldingItForTheNextOne() throws Exception {
        bed.block.refuse("delete-snapshot", 409, "{\"message\": \"resource is in a transient state\", \"resource\": \"snapshot\", "
                + "\"type\": \"transient_state\"}");

        PressResult result = bed.scw.press("Volume", "backUpScalewayVolume", bed.volume);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        StoredEntity backup = onlyBackup();
        assertThat(backup.value("state")).isEqualTo("completed");
        assertThat(result.message()).contains("; left at Scaleway, cleaned at the next backup: snapshot " + backup.value("snapshotId"));
        assertThat(bed.keys("staging")).isEmpty();
        assertThat(bed.block.snapshotNames()).hasSize(1);

        PressResult next = bed.scw.press("Volume", "backUpScalewayVolume", bed.volume);

        assertThat(next.outcome()).as(next.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(next.message()).contains("first cleaned what an earlier backup left: snapshot " + backup.value("snapshotId"));
        assertThat(bed.scw.field("Backup", backup.uuid(), "snapshotId")).isNull();
        assertThat(bed.scw.field("Backup", backup.uuid(), "state")).isEqualTo("completed");
        assertNothingLeft();
    }

    @Test
    void aBackupInterruptedMidWayIsCleanedByTheNextOne() throws Exception {
        // what a crash during the ingest leaves: a Backup in its step's state, holding the snapshot and the staged object
        assertThat(bed.scw.press("Volume", "backUpScalewayVolume", bed.volume).outcome()).isEqualTo(Outcome.SUCCESS);
        String snapshot = bed.block.leftSnapshot("fr-par-1", "mv-infra-backup-crashed", bed.volumeId);
        String crashed = bed.scw.create("Backup", Map.of("volume", bed.volume, "state", "ingesting", "step", "ingest", "zone", "fr-par-1",
                "snapshotId", snapshot, "bucket", "staging", "objectKey", "mv-infra/backups/crashed.qcow2"));
        bed.s3.blobs().putBlob("staging", bed.s3.blobs().blobBuilder("mv-infra/backups/crashed.qcow2").payload(new byte[] {1, 2, 3}).build());

        PressResult result = bed.scw.press("Volume", "backUpScalewayVolume", bed.volume);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(bed.scw.field("Backup", crashed, "state")).isEqualTo("failed");
        assertThat((String) bed.scw.field("Backup", crashed, "stateReason")).isEqualTo("Interrupted during step ingest; cleaned at the next backup: "
                + "staging object s3://staging/mv-infra/backups/crashed.qcow2, snapshot " + snapshot);
        assertNothingLeft();
    }

    @Test
    void aDryRunDescribesTheSnapshotAndMakesNothing() {
        PressResult result = bed.scw.dryRun("Volume", "backUpScalewayVolume", bed.volume);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).startsWith("Dry run: POST " + bed.wm.baseUrl() + SNAPSHOTS).contains("\"volume_id\":\"" + bed.volumeId + "\"");
        bed.wm.verify(0, postRequestedFor(urlPathEqualTo(SNAPSHOTS)));
        assertThat(bed.scw.all("Backup", "volume", bed.volume)).isEmpty();
    }

    @Test
    void missingSettingsAreNamedBeforeAnyCall() {
        bed.scw.update("ServiceProvider", bed.scw.provider, "stagingBucket", "", "backupStore", "");

        PressResult result = bed.scw.press("Volume", "backUpScalewayVolume", bed.volume);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).contains("ServiceProvider.stagingBucket: is required for backups")
                .contains("ServiceProvider.backupStore: is required for backups: file:///path or s3://bucket/prefix");
        bed.wm.verify(0, postRequestedFor(urlPathEqualTo(SNAPSHOTS)));
    }

    private StoredEntity onlyBackup() {
        List<StoredEntity> backups = bed.scw.all("Backup", "volume", bed.volume);
        assertThat(backups).hasSize(1);
        return backups.get(0);
    }

    private void assertNothingLeft() {
        assertThat(bed.keys("staging")).as("staging objects").isEmpty();
        assertThat(bed.block.snapshotNames()).as("snapshots at Scaleway").isEmpty();
    }

    private List<String> storeFiles() throws Exception {
        try (var files = Files.walk(bed.storeDir())) {
            return files.map(p -> p + " " + p.toFile().length() + " " + p.toFile().lastModified()).sorted().toList();
        }
    }
}
