package io.mvinfra.scaleway;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A server as other resources name it ({@code scaleway.instance.v1.ServerSummary}): a security group's, an IP's. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ServerSummary(String id, String name) {
}
