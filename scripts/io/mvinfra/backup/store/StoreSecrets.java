package io.mvinfra.backup.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The store's master key, in its three parts: the AES-256 key every object is sealed with, the HMAC-SHA256 key
 * chunks are named with (so names never reveal the plaintext's plain hash), and the seed of the chunker's gear
 * table. Random at the store's creation; kept only wrapped in the store's config. Never printed.
 */
final class StoreSecrets {

    static final int PART_BYTES = 32;
    static final int BYTES = 3 * PART_BYTES;

    private final byte[] encryptionKey;
    private final byte[] chunkIdKey;
    private final byte[] gearSeed;

    private StoreSecrets(byte[] all) {
        if (all.length != BYTES) {
            throw new IllegalArgumentException("a store's secrets are " + BYTES + " bytes");
        }
        encryptionKey = Arrays.copyOfRange(all, 0, PART_BYTES);
        chunkIdKey = Arrays.copyOfRange(all, PART_BYTES, 2 * PART_BYTES);
        gearSeed = Arrays.copyOfRange(all, 2 * PART_BYTES, BYTES);
    }

    static StoreSecrets random(SecureRandom random) {
        byte[] all = new byte[BYTES];
        random.nextBytes(all);
        return new StoreSecrets(all);
    }

    static StoreSecrets of(byte[] all) {
        return new StoreSecrets(all);
    }

    byte[] encoded() {
        ByteBuffer all = ByteBuffer.allocate(BYTES);
        all.put(encryptionKey).put(chunkIdKey).put(gearSeed);
        return all.array();
    }

    SecretKeySpec encryptionKey() {
        return new SecretKeySpec(encryptionKey, "AES");
    }

    /** A fresh MAC per caller: Mac is not thread-safe and the workers name chunks in parallel. */
    Mac chunkIdMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(chunkIdKey, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256", e);
        }
    }

    /** 256 gear values derived from the seed: HMAC-SHA256(seed, "gear" || block) gives 4 values a block. */
    long[] gearTable() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(gearSeed, "HmacSHA256"));
            long[] table = new long[256];
            for (int block = 0; block < 64; block++) {
                mac.update("gear".getBytes(StandardCharsets.US_ASCII));
                ByteBuffer values = ByteBuffer.wrap(mac.doFinal(new byte[] {(byte) block}));
                for (int i = 0; i < 4; i++) {
                    table[block * 4 + i] = values.getLong();
                }
            }
            return table;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256", e);
        }
    }

    @Override
    public String toString() {
        return "StoreSecrets[██]";
    }
}
