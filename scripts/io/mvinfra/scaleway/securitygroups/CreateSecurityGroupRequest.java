package io.mvinfra.scaleway.securitygroups;

import java.util.List;

/**
 * The body of {@code POST …/security_groups}: every choice explicit, the spec's defaults filled in where the entity has
 * none; {@code project_default} rather than the deprecated {@code organization_default} (one of the two is required).
 */
public record CreateSecurityGroupRequest(String name, String description, String project, List<String> tags,
                                         Boolean projectDefault, Boolean stateful, String inboundDefaultPolicy,
                                         String outboundDefaultPolicy) {

    public CreateSecurityGroupRequest {
        tags = tags == null ? null : List.copyOf(tags);
    }
}
