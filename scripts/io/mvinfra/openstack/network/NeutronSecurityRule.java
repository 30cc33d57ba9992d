package io.mvinfra.openstack.network;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A security group rule as Neutron v2.0 answers it and takes it ({@code POST /v2.0/security-group-rules}). Neutron's
 * rules only allow: what no rule allows is dropped.
 *
 * @param direction      {@code ingress} or {@code egress}
 * @param ethertype      {@code IPv4} or {@code IPv6}, which the remote prefix must be of
 * @param protocol       {@code tcp}, {@code udp}, {@code icmp}… or null for any
 * @param remoteIpPrefix a CIDR; null with {@code remoteGroupId}, or for anywhere
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NeutronSecurityRule(String id, String securityGroupId, String direction, String ethertype, String protocol,
                                  Integer portRangeMin, Integer portRangeMax, String remoteIpPrefix, String remoteGroupId,
                                  String description) {
}
