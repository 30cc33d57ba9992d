package io.mvinfra.backup.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link StoreKey}: where the key comes from, and that it never shows. */
class StoreKeyTest {

    @TempDir
    Path temp;

    @Test
    void aKeyFileOpensTheStoreItCreatedAndItsTrailingNewlineIsNotPartOfIt() throws IOException {
        Path keyFile = temp.resolve("backup.key");
        Files.writeString(keyFile, "c2VjcmV0LWtleS1tYXRlcmlhbC0wMTIzNDU2Nzg5\n");
        Path sameWithoutNewline = temp.resolve("same.key");
        Files.writeString(sameWithoutNewline, "c2VjcmV0LWtleS1tYXRlcmlhbC0wMTIzNDU2Nzg5");
        java.net.URI store = temp.resolve("store").toUri();

        try (BackupStore created = BackupStore.open(store, StoreKey.fromKeyFile(keyFile), null)) {
            created.ingest("k", new ByteArrayInputStream(new byte[] {1, 2, 3}), Progress.NONE);
        }

        try (BackupStore reopened = BackupStore.open(store, StoreKey.fromKeyFile(sameWithoutNewline), null)) {
            assertThat(reopened.images()).hasSize(1);
        }
        assertThatThrownBy(() -> BackupStore.open(store, StoreKey.fromPassphrase("c2VjcmV0".toCharArray()), null))
                .isInstanceOf(WrongStoreKeyException.class);
    }

    @Test
    void anEmptyKeyFileIsRefused() throws IOException {
        Path empty = Files.writeString(temp.resolve("empty.key"), "\n");

        assertThatThrownBy(() -> StoreKey.fromKeyFile(empty)).isInstanceOf(IOException.class).hasMessageContaining("empty");
    }

    @Test
    void withNeitherVariableTheErrorNamesBoth() {
        assumeTrue(System.getenv(StoreKey.PASSPHRASE_VARIABLE) == null && System.getenv(StoreKey.KEY_FILE_VARIABLE) == null,
                "the test's environment sets a backup key");

        assertThatThrownBy(StoreKey::fromEnvironment).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MV_INFRA_BACKUP_PASSPHRASE").hasMessageContaining("MV_INFRA_BACKUP_KEY_FILE");
    }

    @Test
    void theKeyNeverShows() {
        StoreKey key = StoreKey.fromPassphrase("hunter2-passphrase".toCharArray());

        assertThat(key.toString()).doesNotContain("hunter2");
        assertThat(new String(key.material(), StandardCharsets.UTF_8)).isEqualTo("hunter2-passphrase");
    }
}
