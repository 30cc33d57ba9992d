package io.mvinfra.scaleway.securitygroups;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.mvinfra.scaleway.ServerSummary;

/**
 * A security group as the Instance API answers it ({@code scaleway.instance.v1.SecurityGroup}).
 *
 * @param inboundDefaultPolicy  accept or drop: what happens to inbound traffic no rule matches
 * @param enableDefaultSecurity SMTP blocked on IPv4 and IPv6; Scaleway's to set (by ticket), read only here
 * @param state                 available, syncing, syncing_error
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScalewaySecurityGroup(String id, String name, String description, Boolean enableDefaultSecurity,
                                    String inboundDefaultPolicy, String outboundDefaultPolicy, String organization,
                                    String project, List<String> tags, Boolean projectDefault, Instant creationDate,
                                    Instant modificationDate, List<ServerSummary> servers, Boolean stateful, String state,
                                    String zone) {

    public ScalewaySecurityGroup {
        tags = tags == null ? List.of() : List.copyOf(tags);
        servers = servers == null ? List.of() : List.copyOf(servers);
    }
}
