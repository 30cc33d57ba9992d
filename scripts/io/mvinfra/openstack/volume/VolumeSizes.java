package io.mvinfra.openstack.volume;

/**
 * Cinder counts sizes in whole GiB (2^30 bytes); a Volume keeps bytes, as for every provider.
 */
public final class VolumeSizes {

    public static final long GIB = 1L << 30;

    private VolumeSizes() {
    }

    public static long bytes(int gib) {
        return gib * GIB;
    }

    /** {@code 2 GiB (2147483648 bytes)}. */
    public static String readable(Long bytes) {
        if (bytes == null) {
            return "unknown size";
        }
        return (bytes % GIB == 0 ? String.valueOf(bytes / GIB) : String.format(java.util.Locale.ROOT, "%.2f", bytes / (double) GIB))
                + " GiB (" + bytes + " bytes)";
    }
}
