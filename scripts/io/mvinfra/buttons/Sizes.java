package io.mvinfra.buttons;

import java.util.Locale;

/** Sizes as the providers count and bill them (decimal: 1 GB is 10⁹ bytes), said readably beside the bytes. */
public final class Sizes {

    private static final long GB = 1_000_000_000L;

    private Sizes() {
    }

    /** {@code 20 GB (20000000000 bytes)}; {@code 1.5 TB (1500000000000 bytes)}. */
    public static String readable(long bytes) {
        String unit;
        double value;
        if (bytes >= 1000 * GB) {
            unit = "TB";
            value = bytes / (1000.0 * GB);
        } else {
            unit = "GB";
            value = bytes / (double) GB;
        }
        String number = value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
        return number + " " + unit + " (" + bytes + " bytes)";
    }
}
