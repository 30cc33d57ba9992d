package io.mvinfra.scaleway.images;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST /instance/v1/zones/{zone}/images} (scaleway-instance.yaml: {@code root_volume}, the id of a
 * snapshot, and {@code arch} are required); null fields are left out.
 */
public record CreateImageRequest(String name, String rootVolume, String arch, String project, List<String> tags,
                                 @JsonProperty("public") Boolean isPublic) {

    public CreateImageRequest {
        tags = tags == null ? null : List.copyOf(tags);
    }
}
