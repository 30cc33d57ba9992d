package io.mvinfra.scaleway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mvinfra.host.runtime.AuditEntry.Outcome;
import io.mvinfra.host.runtime.PressResult;

/** Backup → "Verify" ({@link VerifyBackup}): every chunk re-read and checked; a corrupted one is found and recorded. */
class VerifyBackupTest {

    private BackupTestbed bed;
    private String backup;

    @BeforeEach
    void backUp() throws Exception {
        bed = BackupTestbed.open();
        assertThat(bed.scw.press("Volume", "backUpScalewayVolume", bed.volume).outcome()).isEqualTo(Outcome.SUCCESS);
        backup = bed.scw.all("Backup", "volume", bed.volume).get(0).uuid();
    }

    @AfterEach
    void close() throws Exception {
        bed.close();
    }

    @Test
    void aSoundBackupVerifiesAndTheOutcomeIsKept() {
        PressResult result = bed.scw.press("Backup", "verifyScalewayBackup", backup);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).startsWith("Backup of data-1 at ").contains("verified in " + bed.storeUri)
                .contains("every hash and the image digest match");
        assertThat((String) bed.scw.field("Backup", backup, "verification")).startsWith("ok: ");
        assertThat(bed.scw.field("Backup", backup, "verifiedDate")).isNotNull();
    }

    @Test
    void aCorruptedChunkIsFoundAndTheBackupSaysSo() throws Exception {
        Path chunk = largestFile(bed.storeDir());
        byte[] bytes = Files.readAllBytes(chunk);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(chunk, bytes);

        PressResult result = bed.scw.press("Backup", "verifyScalewayBackup", backup);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).contains("failed verification, 1 problem(s): ");
        assertThat((String) bed.scw.field("Backup", backup, "verification")).startsWith("1 problem(s): ");
        assertThat(bed.scw.field("Backup", backup, "verifiedDate")).isNotNull();
    }

    /** The biggest file of the store: a chunk of the random part, the one thing a verify must catch. */
    private static Path largestFile(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            return all.stream().max(Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
        }
    }
}
