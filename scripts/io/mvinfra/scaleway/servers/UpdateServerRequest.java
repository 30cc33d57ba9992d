package io.mvinfra.scaleway.servers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The body of {@code PATCH …/servers/{id}}: only what changes (null fields are left out). */
public record UpdateServerRequest(String name, List<String> tags, String securityGroup,
                                  @JsonProperty("protected") Boolean isProtected,
                                  Map<String, CreateServerRequest.VolumeTemplate> volumes) {

    @JsonIgnore
    public boolean isEmpty() {
        return name == null && tags == null && securityGroup == null && isProtected == null && volumes == null;
    }

    /** The fields it changes, as the operator calls them: {@code instanceName, tags}. */
    @JsonIgnore
    public List<String> changedFields() {
        List<String> fields = new ArrayList<>();
        if (name != null) {
            fields.add("instanceName");
        }
        if (tags != null) {
            fields.add("tags");
        }
        if (securityGroup != null) {
            fields.add("securityGroup");
        }
        if (isProtected != null) {
            fields.add("isProtected");
        }
        if (volumes != null) {
            fields.add("additionalVolumes");
        }
        return fields;
    }
}
