package io.mvinfra.scaleway.volumes;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** The body of {@code PATCH /block/v1/zones/{zone}/volumes/{id}}: only what changes (null fields are left out). */
public record UpdateVolumeRequest(String name, Long size, Integer perfIops) {

    @JsonIgnore
    public boolean isEmpty() {
        return name == null && size == null && perfIops == null;
    }
}
