package io.mvinfra.openstack.network;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A network as Neutron v2.0 answers it ({@code GET /v2.0/networks}).
 *
 * @param status   ACTIVE, BUILD, DOWN, ERROR
 * @param external {@code router:external}: floating IPs come from it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NeutronNetwork(String id, String name, String status, Boolean shared,
                             @JsonProperty("router:external") Boolean external, List<String> subnets, String projectId,
                             Instant createdAt, Instant updatedAt) {

    public NeutronNetwork {
        subnets = subnets == null ? List.of() : List.copyOf(subnets);
    }
}
