package io.mvinfra.scaleway;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
 * Backup → "Restore to a new volume" ({@link RestoreBackup}): the image out of the store into the staging bucket,
 * imported, a volume made from it; the new volume's disk is the backed-up one (qemu-img compare), nothing is left.
 */
class RestoreBackupTest {

    private static final String SNAPSHOTS = "/block/v1/zones/fr-par-1/snapshots";
    private BackupTestbed bed;
    private String backup;

    @BeforeEach
    void backUp() throws Exception {
        bed = BackupTestbed.open();
        PressResult result = bed.scw.press("Volume", "backUpScalewayVolume", bed.volume);
        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        backup = bed.scw.all("Backup", "volume", bed.volume).get(0).uuid();
    }

    @AfterEach
    void close() throws Exception {
        bed.close();
    }

    @Test
    void restoresToANewVolumeWhoseDiskIsIdenticalAndLeavesNothingBehind() throws Exception {
        PressResult result = bed.scw.press("Backup", "restoreScalewayBackup", backup, Map.of("zone", "fr-par-1", "name", "data-1-restored"));

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        bed.wm.verify(postRequestedFor(urlPathEqualTo(SNAPSHOTS + "/import-from-object-storage"))
                .withRequestBody(matchingJsonPath("$.bucket", com.github.tomakehurst.wiremock.client.WireMock.equalTo("staging")))
                .withRequestBody(matchingJsonPath("$.key", com.github.tomakehurst.wiremock.client.WireMock.matching("mv-infra/restores/" + backup + "/[0-9]+\\.qcow2")))
                .withRequestBody(matchingJsonPath("$.name", com.github.tomakehurst.wiremock.client.WireMock.equalTo("data-1-restored")))
                .withRequestBody(matchingJsonPath("$.size", com.github.tomakehurst.wiremock.client.WireMock.equalTo(String.valueOf(BackupTestbed.VOLUME_SIZE))))
                .withRequestBody(matchingJsonPath("$.project_id", com.github.tomakehurst.wiremock.client.WireMock.equalTo(ScalewayTestbed.PROJECT))));
        List<StoredEntity> restored = bed.scw.all("Volume", "name", "data-1-restored");
        assertThat(restored).hasSize(1);
        String id = (String) restored.get(0).value("providerSideId");
        bed.wm.verify(postRequestedFor(urlPathEqualTo("/block/v1/zones/fr-par-1/volumes")).withRequestBody(equalToJson(
                "{\"name\": \"data-1-restored\", \"project_id\": \"" + ScalewayTestbed.PROJECT + "\", \"from_snapshot\": {\"snapshot_id\": \""
                        + bed.block.volumes.get(id).json.get("parent_snapshot_id").asText() + "\"}, \"tags\": [\"mv-infra-backup\"]}")));
        assertThat(restored.get(0).value("zone")).isEqualTo("fr-par-1");
        assertThat(restored.get(0).value("state")).isEqualTo("available");
        assertThat(restored.get(0).value("provider")).isEqualTo(bed.scw.provider);
        assertThat(Qcow2.compare(bed.image, bed.block.bytesOfVolume(id))).as("qemu-img compare").isZero();
        assertThat(Files.mismatch(bed.image, bed.block.bytesOfVolume(id))).isEqualTo(-1L);
        assertThat(result.message()).startsWith("Backup of data-1 at ").contains("restored to the new volume data-1-restored (id " + id
                + ") in fr-par-1").contains("staging object and imported snapshot deleted");
        assertThat(bed.keys("staging")).isEmpty();
        assertThat(bed.block.snapshotNames()).isEmpty();
    }

    @Test
    void aChangedDiskRestoresAsItWasWhenBackedUp() throws Exception {
        Path before = Files.copy(bed.image, bed.dir.resolve("before.qcow2"));
        Qcow2.writeRandom(bed.image, 0, 1 << 20, 42);

        PressResult result = bed.scw.press("Backup", "restoreScalewayBackup", backup, Map.of("name", "data-1-then"));

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        String id = (String) bed.scw.all("Volume", "name", "data-1-then").get(0).value("providerSideId");
        assertThat(Qcow2.compare(before, bed.block.bytesOfVolume(id))).isZero();
        assertThat(Qcow2.compare(bed.image, bed.block.bytesOfVolume(id))).isEqualTo(1);
    }

    @Test
    void aCorruptedStoreFailsTheUploadAndLeavesNoObjectNorVolume() throws Exception {
        Path chunk;
        try (var files = Files.walk(bed.storeDir())) {
            chunk = files.filter(Files::isRegularFile).max(java.util.Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(chunk);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(chunk, bytes);

        PressResult result = bed.scw.press("Backup", "restoreScalewayBackup", backup, Map.of("name", "data-1-restored"));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).contains("failed at step 'upload the image from the store to the staging bucket' (upload): ")
                .contains("cleaned up: staging object s3://staging/mv-infra/restores/");
        bed.wm.verify(0, postRequestedFor(urlPathEqualTo(SNAPSHOTS + "/import-from-object-storage")));
        assertThat(bed.keys("staging")).isEmpty();
        assertThat(bed.scw.all("Volume", "name", "data-1-restored")).isEmpty();
    }

    @Test
    void aRefusedImportDeletesTheStagingObjectAndSaysTheStep() {
        bed.block.refuse("import", 400, "{\"message\": \"invalid argument(s)\", \"type\": \"invalid_arguments\", \"details\": "
                + "[{\"argument_name\": \"key\", \"reason\": \"constraint\", \"help_message\": \"the object is no QCOW2 image\"}]}");

        PressResult result = bed.scw.press("Backup", "restoreScalewayBackup", backup, Map.of("name", "data-1-restored"));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).contains("to volume data-1-restored failed at step 'import the image as a snapshot' (import): "
                + "Scaleway refused the request (HTTP 400, invalid_arguments)").contains("cleaned up: staging object s3://staging/mv-infra/restores/");
        assertThat(bed.scw.all("Volume", "name", "data-1-restored")).isEmpty();
        assertThat(bed.keys("staging")).isEmpty();
        assertThat(bed.block.snapshotNames()).isEmpty();
    }

    @Test
    void aRefusedVolumeCreateDeletesTheImportedSnapshotToo() {
        bed.block.refuse("create-volume", 403, "{\"message\": \"quota(s) exceeded for this resource\", \"type\": \"quotas_exceeded\", "
                + "\"details\": [{\"resource\": \"volumes_sbs_total_size\", \"quota\": 1000, \"current\": 1000}]}");

        PressResult result = bed.scw.press("Backup", "restoreScalewayBackup", backup, Map.of("name", "data-1-restored"));

        assertThat(result.message()).contains("failed at step 'create the volume from the snapshot' (create-volume): "
                + "Scaleway refused the request (HTTP 403, quotas_exceeded)").contains("imported snapshot ");
        assertThat(bed.keys("staging")).isEmpty();
        assertThat(bed.block.snapshotNames()).isEmpty();
    }

    @Test
    void aWrongPassphraseFailsBeforeAnythingIsSent() {
        StoreKeys.use(() -> StoreKey.fromPassphrase("not the passphrase".toCharArray()));

        PressResult result = bed.scw.press("Backup", "restoreScalewayBackup", backup, Map.of("name", "data-1-restored"));

        assertThat(result.message()).contains("failed at step 'open the backup store' (open-store)").contains("was created with another key");
        bed.wm.verify(0, postRequestedFor(urlPathEqualTo(SNAPSHOTS + "/import-from-object-storage")));
        assertThat(bed.keys("staging")).isEmpty();
    }

    @Test
    void theParametersAreCheckedFirst() {
        PressResult result = bed.scw.press("Backup", "restoreScalewayBackup", backup, Map.of("zone", "mars-1"));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).contains("Restore to a new volume.zone: mars-1 is not a Scaleway zone")
                .contains("Restore to a new volume.name: is required: the new volume's name");
        bed.wm.verify(0, postRequestedFor(urlPathEqualTo(SNAPSHOTS + "/import-from-object-storage")));
    }
}
