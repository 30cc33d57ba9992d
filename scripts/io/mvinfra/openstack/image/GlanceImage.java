package io.mvinfra.openstack.image;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An image as Glance v2 answers it (flat, no envelope).
 *
 * @param status queued, saving, active, killed, deleted, deactivated, uploading, importing
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GlanceImage(String id, String name, String status, String visibility, Long size, String diskFormat,
                          String containerFormat, List<String> tags, String owner, Instant createdAt, Instant updatedAt) {

    public GlanceImage {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
