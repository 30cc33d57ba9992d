package io.mvinfra.openstack.network;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A security group as Neutron v2.0 answers it, its rules with it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NeutronSecurityGroup(String id, String name, String description, String projectId, Boolean stateful,
                                   List<String> tags, List<NeutronSecurityRule> securityGroupRules, Instant createdAt,
                                   Instant updatedAt) {

    public NeutronSecurityGroup {
        tags = tags == null ? List.of() : List.copyOf(tags);
        securityGroupRules = securityGroupRules == null ? List.of() : List.copyOf(securityGroupRules);
    }
}
