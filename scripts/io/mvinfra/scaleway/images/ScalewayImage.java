package io.mvinfra.scaleway.images;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An image as the Instance API answers it ({@code scaleway.instance.v1.Image}); only what mv-infra keeps.
 *
 * @param state        available, creating, error
 * @param rootVolume   the snapshot it boots from (volume_type {@code sbs_snapshot} for a Block Storage one)
 * @param extraVolumes the other snapshots, by index
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScalewayImage(String id, String name, String arch, Instant creationDate, Instant modificationDate, String fromServer,
                            String organization, String project, @JsonProperty("public") Boolean isPublic, Snapshot rootVolume,
                            Map<String, Snapshot> extraVolumes, String state, List<String> tags, String zone) {

    public ScalewayImage {
        tags = tags == null ? List.of() : List.copyOf(tags);
        extraVolumes = extraVolumes == null ? Map.of() : Map.copyOf(extraVolumes);
    }

    /** {@code scaleway.instance.v1.VolumeSummary}: a snapshot's id; its size answered 0 for a Block one. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Snapshot(String id, String name, Long size, String volumeType) {
    }

    /** The root snapshot first, then the others in their order. */
    public List<Snapshot> allSnapshots() {
        List<Snapshot> all = new ArrayList<>();
        if (rootVolume != null) {
            all.add(rootVolume);
        }
        new TreeMap<>(extraVolumes).values().forEach(all::add);
        return all;
    }

    public String rootSnapshotId() {
        return rootVolume == null ? null : rootVolume.id();
    }
}
