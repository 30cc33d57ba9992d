package io.mvinfra.scaleway.securitygroups;

import java.util.List;

import io.mvinfra.scaleway.ServerSummary;

/**
 * The body of {@code PUT …/security_groups/{id}} (SetSecurityGroup), which replaces the whole group: what an operator
 * sets comes from the entity, what only Scaleway sets (organization, project, SMTP blocking, the servers in it) is
 * sent back as Scaleway has it, so the update changes nothing else.
 */
public record SetSecurityGroupRequest(String name, String description, List<String> tags, Boolean enableDefaultSecurity,
                                      String inboundDefaultPolicy, String outboundDefaultPolicy, String organization,
                                      String project, Boolean projectDefault, List<ServerSummary> servers, Boolean stateful) {

    public SetSecurityGroupRequest {
        tags = tags == null ? List.of() : List.copyOf(tags);
        servers = servers == null ? List.of() : List.copyOf(servers);
    }

    /** The group as Scaleway has it now, in this shape: an update equal to it changes nothing. */
    public static SetSecurityGroupRequest of(ScalewaySecurityGroup current) {
        return new SetSecurityGroupRequest(current.name(), current.description() == null ? "" : current.description(),
                current.tags(), current.enableDefaultSecurity(), current.inboundDefaultPolicy(), current.outboundDefaultPolicy(),
                current.organization(), current.project(), Boolean.TRUE.equals(current.projectDefault()), current.servers(),
                Boolean.TRUE.equals(current.stateful()));
    }
}
