package io.mvinfra.cloudflare.lockdown;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A Zone Lockdown rule as Cloudflare answers it: only {@code configurations} may reach {@code urls}.
 *
 * @param priority absent from the published schema, yet answered by the API when set
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CloudflareLockdownRule(String id, String description, List<String> urls,
                                     List<LockdownConfiguration> configurations, Boolean paused, Integer priority,
                                     Instant createdOn, Instant modifiedOn) {

    public CloudflareLockdownRule {
        urls = urls == null ? List.of() : List.copyOf(urls);
        configurations = configurations == null ? List.of() : List.copyOf(configurations);
    }

    /** The values of the configurations with this target: {@link LockdownConfiguration#IP} or {@code IP_RANGE}. */
    public List<String> valuesOf(String target) {
        return configurations.stream().filter(c -> target.equals(c.target())).map(LockdownConfiguration::value).toList();
    }
}
