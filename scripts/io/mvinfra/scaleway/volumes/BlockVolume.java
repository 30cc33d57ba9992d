package io.mvinfra.scaleway.volumes;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A volume as the Block Storage API answers it ({@code scaleway.block.v1.Volume}, at the top of the answer, not
 * wrapped); only what mv-infra keeps.
 *
 * @param type   sbs_5k, sbs_15k
 * @param size   in bytes
 * @param status creating, available, in_use, deleting, deleted, resizing, error, snapshotting, locked, updating
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BlockVolume(String id, String name, String type, Long size, String projectId, Instant createdAt, Instant updatedAt,
                          List<BlockReference> references, String parentSnapshotId, String status, List<String> tags, String zone,
                          Specs specs) {

    public BlockVolume {
        references = references == null ? List.of() : List.copyOf(references);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** The ids of the servers the volume is attached to: one at most, a Block volume's reference being exclusive. */
    public List<String> attachedServerIds() {
        return references.stream().filter(BlockReference::attachesServer).map(BlockReference::productResourceId).toList();
    }

    /** @param storageClass sbs (Block Storage), bssd (the retired Block SSD) */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Specs(Integer perfIops, @JsonProperty("class") String storageClass) {
    }
}
