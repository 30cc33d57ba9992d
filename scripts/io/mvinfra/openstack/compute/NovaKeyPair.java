package io.mvinfra.openstack.compute;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A key pair as {@code GET /os-keypairs} lists it, each wrapped in {@code {"keypair": {…}}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NovaKeyPair(Inner keypair) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Inner(String name, String fingerprint, String type) {
    }

    public String name() {
        return keypair == null ? null : keypair.name();
    }
}
