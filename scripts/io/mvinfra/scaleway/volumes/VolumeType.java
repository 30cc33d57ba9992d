package io.mvinfra.scaleway.volumes;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Block Storage volume types, each asked for by its IOPS ({@code perf_iops}, block_sdk.go: "5000 | 15000") and
 * answered as its {@code type}. Scaleway retired {@code b_ssd}: a volume of it can't be created any more.
 */
public enum VolumeType {
    SBS_5K("sbs_5k", 5_000),
    SBS_15K("sbs_15k", 15_000);

    private final String code;
    private final int perfIops;

    VolumeType(String code, int perfIops) {
        this.code = code;
        this.perfIops = perfIops;
    }

    public String code() {
        return code;
    }

    public int perfIops() {
        return perfIops;
    }

    public static Optional<VolumeType> of(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }

    public static Optional<VolumeType> ofIops(int perfIops) {
        return Arrays.stream(values()).filter(t -> t.perfIops == perfIops).findFirst();
    }

    /** {@code sbs_5k (5000 IOPS) or sbs_15k (15000 IOPS)}, for messages. */
    static String choices() {
        return Arrays.stream(values()).map(t -> t.code + " (" + t.perfIops + " IOPS)").collect(Collectors.joining(" or "));
    }
}
