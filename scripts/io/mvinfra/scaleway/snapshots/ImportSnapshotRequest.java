package io.mvinfra.scaleway.snapshots;

import java.util.List;

/**
 * The body of {@code POST /block/v1/zones/{zone}/snapshots/import-from-object-storage}: a QCOW2 object of a bucket
 * in the zone's region becomes a snapshot named {@code name}; null fields are left out.
 *
 * @param size the snapshot's size in bytes (the volume it was taken of); null lets Scaleway take the image's
 */
public record ImportSnapshotRequest(String bucket, String key, String name, String projectId, List<String> tags, Long size) {

    public ImportSnapshotRequest {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
