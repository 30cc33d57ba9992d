package io.mvinfra.scaleway.ips;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.mvinfra.scaleway.ServerSummary;

/**
 * A flexible IP as the Instance API answers it ({@code scaleway.instance.v1.IP}).
 *
 * @param address an IPv4 address for {@code routed_ipv4}; null for {@code routed_ipv6}, which has a {@code prefix} (a /64)
 * @param server  the server it is attached to, or null
 * @param state   detached, attached, pending, error
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScalewayIp(String id, String address, String prefix, String reverse, ServerSummary server, String organization,
                         String project, List<String> tags, String type, String state, String zone) {

    public ScalewayIp {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** What an operator reads it as: its address, or its prefix. */
    public String label() {
        return address != null ? address : prefix != null ? prefix : id;
    }
}
