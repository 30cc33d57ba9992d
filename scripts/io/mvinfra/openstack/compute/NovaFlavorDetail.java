package io.mvinfra.openstack.compute;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A flavor as {@code GET /flavors/detail} answers it: what a server of it gets.
 *
 * @param ram  in MiB
 * @param disk the root disk, in GiB (0: the image's size, booted from a volume)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NovaFlavorDetail(String id, String name, Integer vcpus, Integer ram, Integer disk,
                               @JsonProperty("OS-FLV-EXT-DATA:ephemeral") Integer ephemeral,
                               @JsonProperty("os-flavor-access:is_public") Boolean isPublic, String description) {
}
