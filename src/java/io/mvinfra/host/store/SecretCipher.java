package io.mvinfra.host.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secret field values at rest with AES-256-GCM. The entity uuid and field code are the
 * associated data, so a ciphertext copied into another entity or field does not decrypt.
 */
public final class SecretCipher {
    public static final String KEY_ENV = "MV_INFRA_SECRET_KEY";
    private static final String PREFIX = "enc:v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    private SecretCipher(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the secret key must be 32 bytes (base64 of 256 bits), is " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    public static SecretCipher withKey(byte[] key) {
        return new SecretCipher(key);
    }

    /** The key from {@value #KEY_ENV} (base64), else {@code secret.key} in the data directory, created owner-only on first run. */
    public static SecretCipher load(Path home, String keyFromEnvironment) {
        if (keyFromEnvironment != null && !keyFromEnvironment.isBlank()) {
            return new SecretCipher(Base64.getDecoder().decode(keyFromEnvironment.trim()));
        }
        Path file = home.resolve("secret.key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(home);
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(Set.of(
                            java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE)));
                    Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n");
                } catch (FileAlreadyExistsException raced) {
                    // another process created it first: use theirs
                }
            }
            return new SecretCipher(Base64.getDecoder().decode(Files.readString(file).trim()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secret key " + file, e);
        }
    }

    public static boolean isCiphertext(Object value) {
        return value instanceof String s && s.startsWith(PREFIX);
    }

    public String encrypt(String plain, String uuid, String field) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad(uuid, field));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    public String decrypt(String stored, String uuid, String field) {
        if (!isCiphertext(stored)) {
            throw new StoreException(StoreException.Kind.INVALID, "secret " + field + " of " + uuid + " is not encrypted");
        }
        byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(aad(uuid, field));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new StoreException(StoreException.Kind.INVALID,
                    "secret " + field + " of " + uuid + " does not decrypt: wrong key (" + KEY_ENV + " or secret.key) or tampered data");
        }
    }

    private static byte[] aad(String uuid, String field) {
        return (uuid + "/" + field).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "SecretCipher[AES-256-GCM]";
    }
}
