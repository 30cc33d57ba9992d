package io.mvinfra.scaleway.volumes;

import java.time.Instant;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What holds a Block Storage volume or snapshot ({@code scaleway.block.v1.Reference}): for a volume attached to a
 * server, {@code product_resource_type} {@code instance_server} and the server's id.
 *
 * @param type   link (snapshots), exclusive (volumes), read_only
 * @param status unknown_status, attaching, attached, detaching, detached, creating, error
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BlockReference(String id, String productResourceType, String productResourceId, Instant createdAt, String type,
                             String status) {

    static final String INSTANCE_SERVER = "instance_server";

    /** The statuses in which the reference still holds the volume: all but detached (gone) and error or unknown. */
    private static final Set<String> HOLDING = Set.of("attaching", "attached", "detaching", "creating");

    /** Whether this reference is a server the volume is attached to (or being attached to, or detached from). */
    public boolean attachesServer() {
        return INSTANCE_SERVER.equals(productResourceType) && HOLDING.contains(status);
    }
}
