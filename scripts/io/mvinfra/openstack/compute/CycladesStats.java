package io.mvinfra.openstack.compute;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Cyclades' {@code stats} of a server: where its load graphs are, and how often they are worth refreshing (seconds). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CycladesStats(@JsonProperty("serverRef") String serverRef, Integer refresh,
                            @JsonProperty("cpuBar") String cpuBar, @JsonProperty("cpuTimeSeries") String cpuTimeSeries,
                            @JsonProperty("netBar") String netBar, @JsonProperty("netTimeSeries") String netTimeSeries) {
}
