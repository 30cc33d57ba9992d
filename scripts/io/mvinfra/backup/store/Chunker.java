package io.mvinfra.backup.store;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Content-defined chunking, FastCDC-style: a gear rolling hash over the bytes, a cut where its top bits are zero,
 * with "normalized" chunking (a stricter mask before the average size, a looser one after) so sizes gather around
 * the average. Cuts depend only on the bytes near them, so an insertion moves the cuts after it along with the
 * data and only the chunks around a change differ. The gear table comes from the store's key, so the cut points
 * (and with them the chunk sizes) say nothing to someone who knows a file.
 * <p>
 * Reads the stream through one buffer of twice the largest chunk; each chunk is handed out as its own array.
 */
final class Chunker {

    static final int MIN_BYTES = 16 * 1024;
    static final int AVERAGE_BYTES = 64 * 1024;
    static final int MAX_BYTES = 256 * 1024;

    /** 18 bits for "before the average" (2 more than log2(64 KiB)), 14 after: FastCDC's normalization level 2. */
    private static final long MASK_SMALL = -1L << (64 - 18);
    private static final long MASK_LARGE = -1L << (64 - 14);

    private final long[] gear;
    private final InputStream in;
    private final byte[] buffer = new byte[2 * MAX_BYTES];
    private int start;
    private int end;
    private boolean eof;

    Chunker(long[] gear, InputStream in) {
        if (gear.length != 256) {
            throw new IllegalArgumentException("a gear table has 256 entries");
        }
        this.gear = gear;
        this.in = in;
    }

    /** The next chunk, or null at the end of the stream. */
    byte[] next() throws IOException {
        fill();
        int available = end - start;
        if (available == 0) {
            return null;
        }
        int cut = cut(buffer, start, Math.min(available, MAX_BYTES));
        byte[] chunk = Arrays.copyOfRange(buffer, start, start + cut);
        start += cut;
        return chunk;
    }

    /** Where the chunk starting at {@code from} ends, within {@code length} bytes. */
    int cut(byte[] data, int from, int length) {
        if (length <= MIN_BYTES) {
            return length;
        }
        long[] table = gear;
        long fingerprint = 0;
        int normal = Math.min(length, AVERAGE_BYTES);
        int i = MIN_BYTES;
        for (; i < normal; i++) {
            fingerprint = (fingerprint << 1) + table[data[from + i] & 0xff];
            if ((fingerprint & MASK_SMALL) == 0) {
                return i + 1;
            }
        }
        for (; i < length; i++) {
            fingerprint = (fingerprint << 1) + table[data[from + i] & 0xff];
            if ((fingerprint & MASK_LARGE) == 0) {
                return i + 1;
            }
        }
        return length;
    }

    private void fill() throws IOException {
        if (end - start >= MAX_BYTES || eof) {
            return;
        }
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        while (end < buffer.length) {
            int read = in.read(buffer, end, buffer.length - end);
            if (read < 0) {
                eof = true;
                return;
            }
            end += read;
        }
    }
}
