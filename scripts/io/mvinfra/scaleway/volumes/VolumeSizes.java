package io.mvinfra.scaleway.volumes;

import io.mvinfra.buttons.Sizes;
import io.mvinfra.validation.Violations;

/**
 * Block Storage sizes: bytes with a granularity of 1 GB (10^9 bytes), from 1 GB to 10 TB (block_sdk.go,
 * {@code CreateVolumeRequestFromEmpty.size} and {@code UpdateVolumeRequest.size}), shown as the operator reads them.
 */
public final class VolumeSizes {

    public static final long GB = Sizes.GB;
    static final long MIN_BYTES = GB;
    static final long MAX_BYTES = 10_000 * GB;

    private VolumeSizes() {
    }

    /** {@code 20 GB (20000000000 bytes)}, as every button says a size. */
    public static String readable(Long bytes) {
        return Sizes.readable(bytes);
    }

    /** Adds to {@code problems} what is wrong with {@code bytes} as the size of a Block volume; true when nothing is. */
    static boolean check(String field, long bytes, Violations problems) {
        if (bytes <= 0) {
            problems.add(field, "must be positive, is " + bytes);
        } else if (bytes % GB != 0) {
            problems.add(field, "must be a whole number of GB (10^9 bytes) as Scaleway Block Storage requires, is "
                    + readable(bytes) + ", e.g. " + readable(Math.max(MIN_BYTES, bytes / GB * GB)));
        } else if (bytes > MAX_BYTES) {
            problems.add(field, "must be at most " + readable(MAX_BYTES) + ", is " + readable(bytes));
        } else {
            return true;
        }
        return false;
    }
}
