package io.mvinfra.openstack.compute;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A server as Nova answers it ({@code GET /servers/{id}}, {@code /servers/detail}); only what mv-infra keeps.
 *
 * @param status    ACTIVE, BUILD, SHUTOFF, REBOOT, HARD_REBOOT, RESIZE, VERIFY_RESIZE, REVERT_RESIZE, ERROR, DELETED…
 * @param taskState what Nova is doing to it now (powering-off, rebooting, resize_prep…), null when at rest;
 *                  Cyclades says it as {@code SNF:task_state}, empty when at rest
 * @param flavor    from 2.47 the flavor as it was at boot ({@code original_name}…), before only its {@code id}
 * @param image     {@code {"id": …}}, or an empty string for a server booted from a volume
 * @param fault     why the server is in ERROR, when it is
 * @param attachments Cyclades' NICs ({@code attachments}), each with its firewall profile; empty at Nova
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NovaServer(String id, String name, String status,
                         @JsonProperty("OS-EXT-STS:task_state") @JsonAlias("SNF:task_state") String taskState,
                         @JsonProperty("OS-EXT-STS:vm_state") String vmState,
                         @JsonProperty("OS-EXT-AZ:availability_zone") String availabilityZone,
                         Flavor flavor, JsonNode image, String keyName, Map<String, String> metadata,
                         Map<String, List<Address>> addresses, List<Named> securityGroups, Fault fault,
                         String tenantId, Instant created, Instant updated, List<Attachment> attachments) {

    public NovaServer {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        addresses = addresses == null ? Map.of() : Map.copyOf(addresses);
        securityGroups = securityGroups == null ? List.of() : List.copyOf(securityGroups);
    }

    /** The status with what Nova is doing, as a wait sees it: {@code ACTIVE}, or {@code ACTIVE/powering-off}. */
    public String state() {
        return taskState == null || taskState.isBlank() ? status : status + "/" + taskState;
    }

    /** The flavor's name (2.47 and later) or id (before). */
    public String flavorName() {
        return flavor == null ? null : flavor.originalName() != null ? flavor.originalName() : flavor.id();
    }

    /** The image booted from; null for a server booted from a volume. */
    public String imageId() {
        return image != null && image.isObject() ? image.path("id").asText(null) : null;
    }

    /** The first fixed (private) address, version 4 first. */
    public String fixedIp() {
        return addresses.values().stream().flatMap(List::stream)
                .filter(a -> !"floating".equals(a.type()))
                .sorted((a, b) -> Integer.compare(Objects.requireNonNullElse(a.version(), 4), Objects.requireNonNullElse(b.version(), 4)))
                .map(Address::addr).findFirst().orElse(null);
    }

    /** The fault's message, with its details when they say more; null without a fault. */
    public String faultMessage() {
        if (fault == null || fault.message() == null) {
            return null;
        }
        return fault.code() == null ? fault.message() : fault.message() + " (code " + fault.code() + ")";
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Flavor(String id, String originalName, Integer vcpus, Integer ram, Integer disk) {
    }

    /** {@code type} is {@code fixed} or {@code floating}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Address(String addr, Integer version, @JsonProperty("OS-EXT-IPS:type") String type) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Named(String name) {
    }

    /** A Cyclades NIC: its id (what {@code firewallProfile} names as {@code nic}), network and firewall profile. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Attachment(String id, String networkId, @JsonProperty("firewallProfile") String firewallProfile) {
    }

    /** The NIC of this id; empty when the server has none such. */
    public Optional<Attachment> attachment(String nicId) {
        return attachments.stream().filter(a -> nicId.equals(a.id())).findFirst();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Fault(Integer code, String message, String details) {
    }
}
