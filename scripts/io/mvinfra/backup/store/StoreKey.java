package io.mvinfra.backup.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * The secret a store's master key is wrapped under: a passphrase, or a key file's bytes. Either goes through the
 * store's memory-hard KDF with the store's salt; this class only holds the material and never prints it.
 */
public final class StoreKey {

    public static final String PASSPHRASE_VARIABLE = "MV_INFRA_BACKUP_PASSPHRASE";
    public static final String KEY_FILE_VARIABLE = "MV_INFRA_BACKUP_KEY_FILE";

    private final byte[] material;

    private StoreKey(byte[] material) {
        if (material.length == 0) {
            throw new IllegalArgumentException("the backup store key must not be empty");
        }
        this.material = material;
    }

    public static StoreKey fromPassphrase(char[] passphrase) {
        Objects.requireNonNull(passphrase, "passphrase");
        ByteBuffer utf8 = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
        byte[] bytes = new byte[utf8.remaining()];
        utf8.get(bytes);
        Arrays.fill(utf8.array(), (byte) 0);
        return new StoreKey(bytes);
    }

    /** The file's whole content is the key (a trailing line end is not part of it). */
    public static StoreKey fromKeyFile(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int end = bytes.length;
        while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
            end--;
        }
        if (end == 0) {
            throw new IOException("the backup key file " + file + " is empty");
        }
        byte[] key = Arrays.copyOf(bytes, end);
        Arrays.fill(bytes, (byte) 0);
        return new StoreKey(key);
    }

    /** {@value #PASSPHRASE_VARIABLE}, else the file {@value #KEY_FILE_VARIABLE} names. */
    public static StoreKey fromEnvironment() {
        String passphrase = System.getenv(PASSPHRASE_VARIABLE);
        if (passphrase != null && !passphrase.isEmpty()) {
            return fromPassphrase(passphrase.toCharArray());
        }
        String file = System.getenv(KEY_FILE_VARIABLE);
        if (file != null && !file.isBlank()) {
            try {
                return fromKeyFile(Path.of(file));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the backup key file " + KEY_FILE_VARIABLE + " names: " + e.getMessage(), e);
            }
        }
        throw new IllegalStateException("no backup store key: set " + PASSPHRASE_VARIABLE + " or " + KEY_FILE_VARIABLE);
    }

    /** A copy, for the KDF; the caller wipes it. */
    byte[] material() {
        return material.clone();
    }

    @Override
    public String toString() {
        return "StoreKey[██]";
    }
}
