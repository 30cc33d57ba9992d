package bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.SplittableRandom;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.digests.Blake3Digest;

import com.github.luben.zstd.Zstd;

/**
 * What each step of the store costs per byte of a 64 KiB chunk, in MiB per CPU-second of the measuring thread (so a
 * busy shared machine skews it less than wall time would), printed not asserted: the candidates for naming chunks
 * (SHA-256, HMAC-SHA256, SHA-512/256, BLAKE2b, BLAKE3), for sealing them (AES-256-GCM, ChaCha20-Poly1305) and zstd
 * levels on random data and on log text (with the ratio). What the store uses was picked from these figures.
 * mvn -B -q -Pbench test-compile exec:exec@bench -Dbench=ChunkCodecBenchmark
 */
public final class ChunkCodecBenchmark {

    private static final int CHUNK = 64 * 1024;
    private static final int RUNS = 4000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    interface Step {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        byte[] random = new byte[CHUNK];
        new SplittableRandom(1).nextBytes(random);
        byte[] text = logText();
        byte[] key = new byte[32];
        System.out.printf("64 KiB chunks, %d runs each after 2000 to warm up; load %.2f%n", RUNS, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(key, "HmacSHA256"));
        Mac hmac512 = Mac.getInstance("HmacSHA512/256");
        hmac512.init(new SecretKeySpec(key, "HmacSHA512/256"));
        measure("SHA-256", () -> MessageDigest.getInstance("SHA-256").digest(random));
        measure("HMAC-SHA256 (used)", () -> hmac.doFinal(random));
        measure("SHA-512/256", () -> MessageDigest.getInstance("SHA-512/256").digest(random));
        measure("HMAC-SHA512/256", () -> hmac512.doFinal(random));
        measure("BLAKE2b-256 keyed", () -> {
            Blake2bDigest blake = new Blake2bDigest(key, 32, null, null);
            blake.update(random, 0, random.length);
            blake.doFinal(new byte[32], 0);
        });
        measure("BLAKE3", () -> {
            Blake3Digest blake = new Blake3Digest(256);
            blake.update(random, 0, random.length);
            blake.doFinal(new byte[32], 0);
        });

        byte[] sealed = new byte[CHUNK + 16];
        long[] counter = {0};
        SecretKeySpec aes = new SecretKeySpec(key, "AES");
        SecretKeySpec chacha = new SecretKeySpec(key, "ChaCha20");
        measure("AES-256-GCM (used)", () -> {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, aes, new GCMParameterSpec(128, nonce(counter[0]++)));
            cipher.doFinal(random, 0, random.length, sealed, 0);
        });
        measure("ChaCha20-Poly1305", () -> {
            Cipher cipher = Cipher.getInstance("ChaCha20-Poly1305");
            cipher.init(Cipher.ENCRYPT_MODE, chacha, new IvParameterSpec(nonce(counter[0]++)));
            cipher.doFinal(random, 0, random.length, sealed, 0);
        });

        byte[] compressed = new byte[(int) Zstd.compressBound(CHUNK)];
        for (int level : new int[] {-1, 1, 3}) {
            for (boolean isText : new boolean[] {false, true}) {
                byte[] input = isText ? text : random;
                long size = Zstd.compressByteArray(compressed, 0, compressed.length, input, 0, input.length, level);
                measure(String.format("zstd %d %s (ratio %.3f)", level, isText ? "text" : "random", size / (double) CHUNK),
                        () -> Zstd.compressByteArray(compressed, 0, compressed.length, input, 0, input.length, level));
            }
        }
    }

    private static void measure(String name, Step step) throws Exception {
        for (int i = 0; i < 2000; i++) {
            step.run();
        }
        long start = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < RUNS; i++) {
            step.run();
        }
        double seconds = (THREADS.getCurrentThreadCpuTime() - start) / 1e9;
        System.out.printf("%-34s %8.0f MiB/cpu-s%n", name, RUNS * (CHUNK / 1048576.0) / seconds);
    }

    private static byte[] nonce(long counter) {
        byte[] nonce = new byte[12];
        for (int i = 0; i < 8; i++) {
            nonce[i] = (byte) (counter >>> (8 * i));
        }
        return nonce;
    }

    private static byte[] logText() {
        StringBuilder text = new StringBuilder();
        for (long line = 0; text.length() < CHUNK; line++) {
            text.append("2026-12-01T23:").append(String.format("%02d:%02d", (line / 60) % 60, line % 60)).append(" web-").append(line % 7)
                    .append(" nginx[812]: GET /api/v1/items/").append(line % 1000).append(" 200 ").append(line % 97).append("ms\n");
        }
        return text.substring(0, CHUNK).getBytes(StandardCharsets.US_ASCII);
    }
}
