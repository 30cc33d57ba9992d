package io.mvinfra.scaleway.servers;

import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /instance/v1/zones/{zone}/servers}: from an image, or from prepared volumes (index 0 the
 * root); null fields are left out.
 */
public record CreateServerRequest(String name, String commercialType, String image, Map<String, VolumeTemplate> volumes,
                                  Boolean dynamicIpRequired, Boolean enableIpv6, String project, List<String> tags,
                                  String securityGroup) {

    public CreateServerRequest {
        tags = tags == null ? null : List.copyOf(tags);
        volumes = volumes == null ? null : Map.copyOf(volumes);
    }

    /** An existing volume, by id ({@code VolumeServerTemplate}). */
    public record VolumeTemplate(String id) {
    }
}
