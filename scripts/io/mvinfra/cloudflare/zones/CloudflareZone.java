package io.mvinfra.cloudflare.zones;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A zone as {@code GET /zones} answers it.
 *
 * @param status {@code initializing}, {@code pending}, {@code active} or {@code moved}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CloudflareZone(String id, String name, String status, Boolean paused, Instant createdOn, Instant modifiedOn) {
}
