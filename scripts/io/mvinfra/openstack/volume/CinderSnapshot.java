package io.mvinfra.openstack.volume;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A volume snapshot as Cinder v3 answers it ({@code GET /snapshots/{id}}).
 *
 * @param status creating, available, deleting, error, error_deleting, backing-up, restoring, unmanaging
 * @param size   in GiB, the volume's when it was taken
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CinderSnapshot(String id, String name, String status, Integer size, String volumeId, String createdAt,
                             String updatedAt) {
}
