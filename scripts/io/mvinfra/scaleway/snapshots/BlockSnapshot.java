package io.mvinfra.scaleway.snapshots;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.mvinfra.scaleway.volumes.BlockReference;

/**
 * A snapshot as the Block Storage API answers it ({@code scaleway.block.v1.Snapshot}, at the top of the answer);
 * only what mv-infra keeps.
 *
 * @param size   in bytes
 * @param status creating, available, error, deleting, deleted, in_use (an image or a volume refers to it), locked,
 *               exporting
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BlockSnapshot(String id, String name, ParentVolume parentVolume, Long size, String projectId, Instant createdAt,
                            Instant updatedAt, List<BlockReference> references, String status, List<String> tags, String zone,
                            @JsonProperty("class") String storageClass) {

    public BlockSnapshot {
        references = references == null ? List.of() : List.copyOf(references);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** The volume it copies, as it was: it may be deleted since. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ParentVolume(String id, String name, String type, String status) {
    }

    public String parentVolumeId() {
        return parentVolume == null ? null : parentVolume.id();
    }
}
