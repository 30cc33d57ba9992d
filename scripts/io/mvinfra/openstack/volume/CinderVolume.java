package io.mvinfra.openstack.volume;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A volume as Cinder v3 answers it ({@code GET /volumes/{id}}, {@code /volumes/detail}); only what mv-infra keeps.
 *
 * @param status    creating, available, reserved, attaching, in-use, detaching, extending, deleting, error,
 *                  error_extending, error_deleting…
 * @param size      in GiB
 * @param bootable  Cinder sends it as the text {@code "true"} or {@code "false"}
 * @param createdAt Cinder's UTC time without a zone, {@code 2026-12-02T00:15:49.000000}: see {@link CinderTime}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CinderVolume(String id, String name, String status, Integer size, String volumeType, String availabilityZone,
                           String bootable, String snapshotId, String sourceVolid, Map<String, String> metadata,
                           List<Attachment> attachments, String createdAt, String updatedAt) {

    public CinderVolume {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** One server the volume is attached to, as Nova attached it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Attachment(String serverId, String attachmentId, String device) {
    }

    /** The ids of the servers it is attached to (one, unless the volume is multiattach). */
    public List<String> serverIds() {
        return attachments.stream().map(Attachment::serverId).filter(id -> id != null && !id.isBlank()).toList();
    }

    public boolean isBootable() {
        return "true".equalsIgnoreCase(bootable);
    }

    /** What it was made from: the snapshot, else the volume it clones; null for an empty volume. */
    public String madeFrom() {
        return snapshotId != null && !snapshotId.isBlank() ? snapshotId : sourceVolid;
    }
}
