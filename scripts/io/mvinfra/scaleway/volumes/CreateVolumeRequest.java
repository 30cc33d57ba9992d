package io.mvinfra.scaleway.volumes;

import java.util.List;

/**
 * The body of {@code POST /block/v1/zones/{zone}/volumes}: exactly one of {@code from_empty} and
 * {@code from_snapshot}; null fields are left out.
 */
public record CreateVolumeRequest(String name, Integer perfIops, String projectId, FromEmpty fromEmpty, FromSnapshot fromSnapshot,
                                  List<String> tags) {

    public CreateVolumeRequest {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** @param size in bytes, whole GB */
    public record FromEmpty(long size) {
    }

    public record FromSnapshot(String snapshotId) {
    }
}
