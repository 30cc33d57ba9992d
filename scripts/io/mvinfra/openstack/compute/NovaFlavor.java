package io.mvinfra.openstack.compute;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A flavor as {@code GET /flavors} lists it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NovaFlavor(String id, String name) {
}
