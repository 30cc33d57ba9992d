package io.mvinfra.backup.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/** Disk-image-like test data: random blocks (incompressible) and repetitive text, and digests of it. */
final class TestImages {

    static final String TEXT_LINE = "2026-12-02T00:00:00Z host backup-test: the quick brown fox jumps over the lazy dog\n";

    private TestImages() {
    }

    /** {@code size} bytes: the first half random, the second half text, as a disk with data and logs. */
    static byte[] mixed(int size, long seed) {
        byte[] image = new byte[size];
        new Random(seed).nextBytes(image);
        byte[] line = TEXT_LINE.getBytes(StandardCharsets.US_ASCII);
        for (int i = size / 2; i < size; i++) {
            image[i] = line[i % line.length];
        }
        return image;
    }

    static byte[] random(int size, long seed) {
        byte[] image = new byte[size];
        new Random(seed).nextBytes(image);
        return image;
    }

    static String digest(byte[] image) {
        return "sha256:" + HexFormat.of().formatHex(sha256().digest(image));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stream of {@code length} pseudo-random bytes made as it is read, the same whatever the reads' sizes. */
    static InputStream randomStream(long length, long seed) {
        Random random = new Random(seed);
        return new InputStream() {
            private final byte[] block = new byte[64 * 1024];
            private int blockAt = block.length;
            private long position;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (position >= length) {
                    return -1;
                }
                if (blockAt == block.length) {
                    random.nextBytes(block);
                    blockAt = 0;
                }
                int n = (int) Math.min(Math.min(len, block.length - blockAt), length - position);
                System.arraycopy(block, blockAt, b, off, n);
                blockAt += n;
                position += n;
                return n;
            }
        };
    }

    /** Swallows what it is given, digesting it. */
    static final class DigestingSink extends OutputStream {
        final MessageDigest digest = sha256();
        long count;

        @Override
        public void write(int b) {
            digest.update((byte) b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            digest.update(b, off, len);
            count += len;
        }

        private String hex;

        /** The digest of everything written (once: it ends the digest). */
        String hex() {
            if (hex == null) {
                hex = "sha256:" + HexFormat.of().formatHex(digest.digest());
            }
            return hex;
        }
    }
}
