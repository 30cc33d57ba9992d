package io.mvinfra.openstack.network;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A subnet as Neutron v2.0 answers it ({@code GET /v2.0/subnets}): its network and address range. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NeutronSubnet(String id, String name, String networkId, String cidr, Integer ipVersion) {
}
