package io.mvinfra.backup.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM over one stored object: {@code version (1) || nonce (12) || ciphertext || tag (16)}, a random nonce per
 * object, the object's name and the version bound in as associated data, so a blob copied under another name (a
 * chunk swapped for another, an index replaced by an old one of another image) fails to open as surely as a
 * flipped byte does.
 */
final class Sealer {

    static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    static final int OVERHEAD_BYTES = 1 + NONCE_BYTES + TAG_BITS / 8;
    private static final int SLICE_BYTES = 4096;

    private final SecretKeySpec key;
    private final SecureRandom random;

    Sealer(SecretKeySpec key, SecureRandom random) {
        this.key = key;
        this.random = random;
    }

    byte[] seal(String name, byte[] plain, int offset, int length) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = new byte[OVERHEAD_BYTES + length];
        sealed[0] = VERSION;
        System.arraycopy(nonce, 0, sealed, 1, NONCE_BYTES);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(name));
            // in slices: the JDK's GCM reaches its compiled, intrinsic speed after enough calls, not enough bytes, and
            // one call per chunk left a fresh JVM at a tenth of that speed for its first few hundred MiB (ChunkCodecBenchmark)
            int out = 1 + NONCE_BYTES;
            int at = offset;
            for (int end = offset + length; end - at > SLICE_BYTES; at += SLICE_BYTES) {
                out += cipher.update(plain, at, SLICE_BYTES, sealed, out);
            }
            cipher.doFinal(plain, at, offset + length - at, sealed, out);
            return sealed;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed to seal " + name, e);
        }
    }

    /** The plaintext; a blob that was changed, cut, or sealed under another name or key -> {@link BrokenObjectException}. */
    byte[] open(String name, byte[] sealed) throws BrokenObjectException {
        if (sealed.length < OVERHEAD_BYTES || sealed[0] != VERSION) {
            throw new BrokenObjectException(name, "not a sealed object of this store (" + sealed.length + " bytes)");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
            cipher.updateAAD(associatedData(name));
            return cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new BrokenObjectException(name, "fails authentication: its bytes were changed or it was not sealed as " + name);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed to open " + name, e);
        }
    }

    private static byte[] associatedData(String name) {
        return ("mv-infra-backup/" + VERSION + "/" + name).getBytes(StandardCharsets.UTF_8);
    }
}
