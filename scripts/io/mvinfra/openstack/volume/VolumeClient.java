package io.mvinfra.openstack.volume;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.mvinfra.http.ProviderCall;
import io.mvinfra.http.ProviderHttp;

/**
 * Cinder v3's volumes and snapshots at one block-storage endpoint, whose URL (from the catalog) already holds the
 * project: {@code http://…:8776/v3/{project_id}/}. Spoken at the base microversion 3.0, which every v3 Cinder takes.
 */
public final class VolumeClient {

    /** Cinder's default {@code osapi_max_limit}: the most a page holds. */
    public static final int PAGE_SIZE = 1000;
    /** The metadata key a create stores the Volume entity's uuid under, as for servers. */
    public static final String ENTITY_KEY = "mv-infra-entity";

    private static final String VOLUMES = "volumes";
    private static final String VOLUME = "volumes/{id}";
    private static final String SNAPSHOTS = "snapshots";
    private static final String SNAPSHOT = "snapshots/{id}";

    private final ProviderHttp http;

    public VolumeClient(ProviderHttp http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    /** Every volume of the project, every page ({@code limit}/{@code marker}), or a failure: never part of the list. */
    public List<CinderVolume> list() {
        return list(PAGE_SIZE);
    }

    public List<CinderVolume> list(int pageSize) {
        return http.get(VOLUMES + "/detail").query("limit", pageSize).at("volumes").list(CinderVolume.class);
    }

    public CinderVolume get(String id) {
        return http.get(VOLUME, id).at("volume").read(CinderVolume.class);
    }

    /**
     * Creates a volume. Cinder has no idempotency key: after a doubt the volume is looked up by its name and the
     * entity uuid in its metadata before any second send.
     */
    public ProviderCall<CinderVolume> create(CreateVolumeRequest request) {
        return new ProviderCall<>(http.post(VOLUMES).body(Map.of("volume", request)).at("volume"),
                post -> post.create(CinderVolume.class, () -> findCreated(request)));
    }

    /** The volume {@code request} made: same name, same entity uuid in its metadata, not being deleted. */
    public Optional<CinderVolume> findCreated(CreateVolumeRequest request) {
        String entity = request.metadata().get(ENTITY_KEY);
        if (entity == null) {
            return Optional.empty();
        }
        return http.get(VOLUMES + "/detail").query("name", request.name()).at("volumes").list(CinderVolume.class).stream()
                .filter(v -> request.name().equals(v.name()) && entity.equals(v.metadata().get(ENTITY_KEY)))
                .filter(v -> !"deleting".equals(v.status()))
                .findFirst();
    }

    /** {@code os-extend} to {@code newSize} GiB; Cinder answers 202 and extends in the background. */
    public ProviderCall<Integer> extend(String id, int newSize) {
        return ProviderCall.answering(http.post(VOLUME + "/action", id).body(Map.of("os-extend", Map.of("new_size", newSize))), newSize);
    }

    /** Deletes a volume attached to nothing (Cinder refuses one in-use with 400). */
    public ProviderCall<String> delete(String id) {
        return ProviderCall.answering(http.delete(VOLUME, id), id);
    }

    /** A snapshot of an available volume; looked up by volume and name after a doubt, as a volume's create. */
    public ProviderCall<CinderSnapshot> snapshot(String volumeId, String name) {
        Map<String, Object> body = Map.of("snapshot", Map.of("volume_id", volumeId, "name", name, "force", false));
        return new ProviderCall<>(http.post(SNAPSHOTS).body(body).at("snapshot"),
                post -> post.create(CinderSnapshot.class, () -> findSnapshot(volumeId, name)));
    }

    public Optional<CinderSnapshot> findSnapshot(String volumeId, String name) {
        return http.get(SNAPSHOTS + "/detail").query("volume_id", volumeId).at("snapshots").list(CinderSnapshot.class).stream()
                .filter(s -> name.equals(s.name()) && !"deleting".equals(s.status()))
                .findFirst();
    }

    public CinderSnapshot getSnapshot(String id) {
        return http.get(SNAPSHOT, id).at("snapshot").read(CinderSnapshot.class);
    }

    public ProviderCall<String> deleteSnapshot(String id) {
        return ProviderCall.answering(http.delete(SNAPSHOT, id), id);
    }
}
