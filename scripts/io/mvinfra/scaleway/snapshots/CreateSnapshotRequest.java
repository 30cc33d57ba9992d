package io.mvinfra.scaleway.snapshots;

import java.util.List;

/** The body of {@code POST /block/v1/zones/{zone}/snapshots}; null fields are left out. */
public record CreateSnapshotRequest(String volumeId, String name, String projectId, List<String> tags) {

    public CreateSnapshotRequest {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
