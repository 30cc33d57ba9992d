package io.mvinfra.scaleway.snapshots;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.mvinfra.http.ProviderCall;
import io.mvinfra.http.ProviderHttp;

/** The snapshots of the Block Storage API, zone by zone ({@code /block/v1/zones/{zone}/snapshots}). */
public final class SnapshotClient {

    private static final String SNAPSHOTS = "block/v1/zones/{zone}/snapshots";
    private static final String SNAPSHOT = SNAPSHOTS + "/{snapshot_id}";

    private final ProviderHttp http;

    public SnapshotClient(ProviderHttp http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    /** Every snapshot of the zone, every page, or a failure: never part of the list. */
    public List<BlockSnapshot> list(String zone) {
        return http.get(SNAPSHOTS, zone).at("snapshots").list(BlockSnapshot.class);
    }

    public BlockSnapshot get(String zone, String id) {
        return http.get(SNAPSHOT, zone, id).read(BlockSnapshot.class);
    }

    /**
     * Snapshots a volume (Scaleway takes one {@code available} or {@code in_use}). When the answer is lost, a
     * snapshot of the same name and volume is looked up before any second send.
     */
    public ProviderCall<BlockSnapshot> create(String zone, CreateSnapshotRequest request) {
        return new ProviderCall<>(http.post(SNAPSHOTS, zone).body(request),
                post -> post.create(BlockSnapshot.class, () -> findCreated(zone, request)));
    }

    /** The snapshot {@code request} would have created: same name, of the same volume. */
    public Optional<BlockSnapshot> findCreated(String zone, CreateSnapshotRequest request) {
        return http.get(SNAPSHOTS, zone).query("volume_id", request.volumeId()).query("name", request.name())
                .at("snapshots").list(BlockSnapshot.class).stream()
                .filter(s -> request.name().equals(s.name()) && request.volumeId().equals(s.parentVolumeId()) && !"deleted".equals(s.status()))
                .findFirst();
    }

    /**
     * Exports the snapshot as a QCOW2 object into a bucket of its region. Scaleway answers the snapshot
     * {@code exporting} and writes the object later: the object's appearance, not this answer, says it is done.
     * Exporting the same snapshot to the same key twice writes the same object, so a lost answer may be resent.
     */
    public ProviderCall<BlockSnapshot> exportToObjectStorage(String zone, String id, ObjectStorageObject target) {
        return new ProviderCall<>(http.post(SNAPSHOT + "/export-to-object-storage", zone, id).body(target).safeToResend(),
                post -> post.read(BlockSnapshot.class));
    }

    /**
     * Imports a QCOW2 object of a bucket in the zone's region as a new snapshot ({@code creating}, then
     * {@code available}). When the answer is lost, a snapshot of the same name is looked up before any second send.
     */
    public ProviderCall<BlockSnapshot> importFromObjectStorage(String zone, ImportSnapshotRequest request) {
        return new ProviderCall<>(http.post(SNAPSHOTS + "/import-from-object-storage", zone).body(request),
                post -> post.create(BlockSnapshot.class, () -> findImported(zone, request.name())));
    }

    private Optional<BlockSnapshot> findImported(String zone, String name) {
        return http.get(SNAPSHOTS, zone).query("name", name).at("snapshots").list(BlockSnapshot.class).stream()
                .filter(s -> name.equals(s.name()) && !"deleted".equals(s.status()))
                .findFirst();
    }

    /** Deletes a snapshot nothing refers to (Scaleway refuses one {@code in_use}, an image's say). */
    public ProviderCall<String> delete(String zone, String id) {
        return ProviderCall.answering(http.delete(SNAPSHOT, zone, id), id);
    }
}
