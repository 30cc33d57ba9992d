package io.mvinfra.openstack.volume;

import java.util.Map;
import java.util.Objects;

/**
 * The {@code volume} of {@code POST /volumes}, checked by {@link VolumeRequests}: an empty volume of {@code size} GiB,
 * or a copy of the snapshot {@code snapshotId} (of at least its size).
 *
 * @param size       null (left out) for a copy of a snapshot at the snapshot's size
 * @param volumeType null for the cloud's default type
 * @param metadata   holds the entity's uuid under {@link VolumeClient#ENTITY_KEY}, to find a volume whose create answer was lost
 */
public record CreateVolumeRequest(String name, Integer size, String volumeType, String snapshotId, Map<String, String> metadata) {

    public CreateVolumeRequest {
        Objects.requireNonNull(name, "name");
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
