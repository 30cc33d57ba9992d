package io.mvinfra.scaleway.servers;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The body of {@code PATCH …/servers/{id}}: only what changes (null fields are left out). */
public record UpdateServerRequest(String name, List<String> tags, String securityGroup,
                                  @JsonProperty("protected") Boolean isProtected) {

    public boolean isEmpty() {
        return name == null && tags == null && securityGroup == null && isProtected == null;
    }
}
