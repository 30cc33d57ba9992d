package io.mvinfra.buttons;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Sizes as the providers count and bill them (decimal: 1 GB is 10⁹ bytes), said readably beside the bytes. */
public final class Sizes {

    public static final long GB = 1_000_000_000L;

    private Sizes() {
    }

    /** {@code 20 GB (20000000000 bytes)}; a size that is no whole number of GB shows two decimals. */
    public static String readable(Long bytes) {
        if (bytes == null) {
            return "unknown size";
        }
        String gb = bytes % GB == 0 ? String.valueOf(bytes / GB)
                : BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(GB), 2, RoundingMode.HALF_UP).toPlainString();
        return gb + " GB (" + bytes + " bytes)";
    }
}
