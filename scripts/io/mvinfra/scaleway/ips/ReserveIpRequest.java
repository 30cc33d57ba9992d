package io.mvinfra.scaleway.ips;

import java.util.List;

/**
 * The body of {@code POST …/ips}. {@code type} is what the Instance API takes now ({@code CreateIPRequest.type} of
 * scaleway-sdk-go: routed_ipv4 or routed_ipv6, the NAT kind being retired); the spec at hand predates it and, its
 * body open to further properties, accepts it.
 */
public record ReserveIpRequest(String project, List<String> tags, String type) {

    public ReserveIpRequest {
        tags = tags == null ? null : List.copyOf(tags);
    }
}
