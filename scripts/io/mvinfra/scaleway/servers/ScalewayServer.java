package io.mvinfra.scaleway.servers;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A server as the Instance API answers it ({@code scaleway.instance.v1.Server}); only what mv-infra keeps.
 *
 * @param state          running, stopped, stopped in place, starting, stopping, locked
 * @param allowedActions what the server's state allows now (poweron, poweroff, reboot, stop_in_place, terminate, backup…)
 * @param volumes        by index: {@code "0"} is the root volume
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScalewayServer(String id, String name, String state, String stateDetail, String commercialType, Image image,
                             Map<String, Volume> volumes, Ip publicIp, Group securityGroup, List<String> tags,
                             @JsonProperty("protected") Boolean isProtected, List<String> allowedActions, String zone,
                             String arch, Boolean dynamicIpRequired, Boolean enableIpv6, String project, String organization,
                             String privateIp, Instant creationDate, Instant modificationDate) {

    public ScalewayServer {
        volumes = volumes == null ? Map.of() : Map.copyOf(volumes);
        tags = tags == null ? List.of() : List.copyOf(tags);
        allowedActions = allowedActions == null ? List.of() : List.copyOf(allowedActions);
    }

    /** The volume booted from (index 0), or null when the server has none. */
    public Volume rootVolume() {
        return volumes.get("0");
    }

    public boolean allows(String action) {
        return allowedActions.contains(action);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Image(String id, String name, String arch) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Volume(String id, String name, Long size, String volumeType, String state, String zone) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Ip(String id, String address, Boolean dynamic) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Group(String id, String name) {
    }
}
