package io.mvinfra.openstack.compute;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code server} of {@code POST /servers}, checked by {@link ServerRequests}.
 *
 * @param networks   {@code [{"uuid": …}]}, or from 2.37 {@code "auto"} or {@code "none"}; null (left out) before 2.37
 *                   when the cloud is to choose
 * @param userData   base64, at most {@link ServerRequests#MAX_USER_DATA_CHARS} characters
 * @param personality Cyclades' files written at creation, contents base64; null (left out) at Nova
 * @param project    Cyclades' project the server is assigned to; null (left out): the user's own
 */
public record CreateServerRequest(String name, @JsonProperty("imageRef") String imageRef,
                                  @JsonProperty("flavorRef") String flavorRef, String keyName, Object networks,
                                  List<Named> securityGroups, String userData, Map<String, String> metadata,
                                  List<Personality> personality, String project) {

    public CreateServerRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(imageRef, "imageRef");
        Objects.requireNonNull(flavorRef, "flavorRef");
        securityGroups = securityGroups == null || securityGroups.isEmpty() ? null : List.copyOf(securityGroups);
        metadata = metadata == null || metadata.isEmpty() ? null : Map.copyOf(metadata);
        personality = personality == null || personality.isEmpty() ? null : List.copyOf(personality);
    }

    /** One file: its path on the server and its contents in base64. */
    public record Personality(String path, String contents) {
    }

    public record Network(String uuid) {
    }

    public record Named(String name) {
    }
}
