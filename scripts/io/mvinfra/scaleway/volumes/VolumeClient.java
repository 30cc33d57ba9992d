package io.mvinfra.scaleway.volumes;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.mvinfra.http.ProviderCall;
import io.mvinfra.http.ProviderHttp;

/** The volumes of the Block Storage API, zone by zone ({@code /block/v1/zones/{zone}/volumes}). */
public final class VolumeClient {

    private static final String VOLUMES = "block/v1/zones/{zone}/volumes";
    private static final String VOLUME = VOLUMES + "/{volume_id}";

    private final ProviderHttp http;

    public VolumeClient(ProviderHttp http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    /** Every volume of the zone, every page, or a failure: never part of the list. */
    public List<BlockVolume> list(String zone) {
        return http.get(VOLUMES, zone).at("volumes").list(BlockVolume.class);
    }

    public BlockVolume get(String zone, String id) {
        return http.get(VOLUME, zone, id).read(BlockVolume.class);
    }

    /**
     * Creates a volume. Scaleway has no idempotency key: when the answer is lost, a volume of the same name (and of
     * the same size or snapshot) is looked up before any second send, so a create that went through is not duplicated.
     */
    public ProviderCall<BlockVolume> create(String zone, CreateVolumeRequest request) {
        return new ProviderCall<>(http.post(VOLUMES, zone).body(request), post -> post.create(BlockVolume.class, () -> findCreated(zone, request)));
    }

    /** The volume {@code request} would have created: same name, and the same size or parent snapshot. */
    public Optional<BlockVolume> findCreated(String zone, CreateVolumeRequest request) {
        return http.get(VOLUMES, zone).query("name", request.name()).at("volumes").list(BlockVolume.class).stream()
                .filter(v -> request.name().equals(v.name()) && !"deleted".equals(v.status()))
                .filter(v -> request.fromEmpty() != null ? Objects.equals(v.size(), request.fromEmpty().size())
                        : request.fromSnapshot().snapshotId().equals(v.parentSnapshotId()))
                .findFirst();
    }

    /** Setting fields to values: sending it twice leaves the volume as sending it once, so it is safe to retry. */
    public ProviderCall<BlockVolume> update(String zone, String id, UpdateVolumeRequest request) {
        if (request.isEmpty()) {
            throw new IllegalArgumentException("an update of volume " + id + " without any change");
        }
        return new ProviderCall<>(http.patch(VOLUME, zone, id).body(request).safeToResend(), patch -> patch.read(BlockVolume.class));
    }

    /** Deletes a volume attached to nothing (Scaleway refuses one {@code in_use}). */
    public ProviderCall<String> delete(String zone, String id) {
        return ProviderCall.answering(http.delete(VOLUME, zone, id), id);
    }
}
