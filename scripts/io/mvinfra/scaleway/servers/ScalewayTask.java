package io.mvinfra.scaleway.servers;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What an action answers ({@code scaleway.instance.v1.Task}); its status is deprecated, so the server is polled. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScalewayTask(String id, String description, String status, Integer progress, String hrefFrom, String hrefResult,
                           Instant startedAt, Instant terminatedAt) {
}
