package io.mvinfra.cloudflare.lockdown;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The body of a Zone Lockdown create ({@code POST}) or update ({@code PUT}, which replaces the whole rule).
 *
 * @param priority null: after the rules that have one
 */
public record LockdownRuleRequest(List<String> urls, List<LockdownConfiguration> configurations, String description,
                                  Boolean paused, Integer priority) {

    public LockdownRuleRequest {
        urls = List.copyOf(requireNonNull(urls, "urls"));
        configurations = List.copyOf(requireNonNull(configurations, "configurations"));
    }
}
