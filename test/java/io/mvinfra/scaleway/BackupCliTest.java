package io.mvinfra.scaleway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import support.CliRun;
import support.S3Server;
import support.TestHosts;

/**
 * {@code mv-infra backup …} through the CLI's own entry point: it presses the same buttons and runs the same job,
 * and answers 0, 1 or 2 as the other commands.
 */
class BackupCliTest {

    private BackupTestbed bed;
    @TempDir
    Path home;

    /** The operator's entities, made through the CLI too: its data directory has its own secret key. */
    @BeforeEach
    void open() throws Exception {
        bed = BackupTestbed.open();
        String credential = cli("entity", "create", "Credential", "domainName=api.scaleway.com", "authenticationType=SCALEWAY_SECRET_KEY",
                "accessKey=" + S3Server.ACCESS_KEY, "apiKey=" + S3Server.SECRET_KEY, "projectId=" + ScalewayTestbed.PROJECT).out().strip();
        assertThat(cli("entity", "create", "ServiceProvider", "code=scw-cli", "kind=SCALEWAY", "apiBaseUrl=" + bed.wm.baseUrl(),
                "credential=" + credential, "zones=fr-par-1", "objectStorageEndpoint=" + bed.s3.endpoint(), "stagingBucket=staging",
                "backupStore=" + bed.dir.resolve("cli-store").toUri()).code()).isZero();
        assertThat(cli("entity", "create", "Volume", "name=data-1", "zone=fr-par-1", "volumeType=sbs_5k", "size=" + BackupTestbed.VOLUME_SIZE,
                "providerSideId=" + bed.volumeId, "provider=scw-cli").code()).isZero();
    }

    @AfterEach
    void close() throws Exception {
        bed.close();
    }

    @Test
    void backsUpListsVerifiesRestoresAndPrunesWithExitCodes() throws Exception {
        CliRun backUp = cli("backup", "volume", "data-1", "--json");
        assertThat(backUp.code()).as(backUp.err()).isZero();
        JsonNode pressed = new ObjectMapper().readTree(backUp.out());
        assertThat(pressed.get("outcome").asText()).isEqualTo("SUCCESS");
        assertThat(pressed.get("message").asText()).startsWith("Volume data-1 backed up (Backup ");

        CliRun list = cli("backup", "list", "--json");
        assertThat(list.code()).isZero();
        JsonNode backups = new ObjectMapper().readTree(list.out());
        assertThat(backups).hasSize(1);
        String backup = backups.get(0).get("uuid").asText();
        assertThat(backups.get(0).get("fields").get("state").asText()).isEqualTo("completed");

        CliRun table = cli("backup", "list");
        assertThat(table.out()).contains(backup).contains("data-1").contains("completed");

        CliRun verify = cli("backup", "verify", backup);
        assertThat(verify.code()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("every hash and the image digest match");

        CliRun restore = cli("backup", "restore", backup, "--zone", "fr-par-1", "--name", "data-1-copy");
        assertThat(restore.code()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("restored to the new volume data-1-copy");

        CliRun prune = cli("backup", "prune");
        assertThat(prune.code()).as(prune.err()).isZero();
        assertThat(prune.out()).contains("scw-cli: 1 backups kept");
    }

    @Test
    void aFailedBackupExitsOneAndBadInputTwo() {
        bed.block.refuse("create-snapshot", 409, "{\"message\": \"resource is in a transient state\", \"type\": \"transient_state\"}");

        CliRun failed = cli("backup", "volume", "data-1");
        assertThat(failed.code()).isEqualTo(1);
        assertThat(failed.err()).startsWith("error: Backup of volume data-1 failed at step 'snapshot the volume' (snapshot)");

        assertThat(cli("backup", "volume", "no-such-volume").code()).isEqualTo(2);
        assertThat(cli("backup", "restore", "some-backup").code()).as("--name is required").isEqualTo(2);
        assertThat(cli("backup", "frobnicate").code()).isEqualTo(2);
    }

    private CliRun cli(String... args) {
        return CliRun.on(home, TestHosts.projectDir(), args);
    }
}
