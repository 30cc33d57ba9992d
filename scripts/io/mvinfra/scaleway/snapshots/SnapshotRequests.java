package io.mvinfra.scaleway.snapshots;

import java.util.List;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Snapshot;
import org.meveo.model.customEntities.Volume;

import io.mvinfra.validation.Violations;

/** A Snapshot checked, then turned into what the Block Storage API takes, before anything is sent. */
public final class SnapshotRequests {

    private SnapshotRequests() {
    }

    /**
     * The body of a snapshot of {@code volume} (the Snapshot's {@code baseVolume}, read; null when it has none). The
     * snapshot is made in its volume's zone: a Snapshot naming another is refused.
     */
    public static CreateSnapshotRequest create(Snapshot snapshot, Volume volume, String projectId) throws BusinessException {
        Violations problems = new Violations("Snapshot");
        if (snapshot.getName() == null || snapshot.getName().isBlank()) {
            problems.add("name", "is required");
        }
        if (volume == null) {
            problems.add("baseVolume", "is required: the volume to snapshot");
        } else if (volume.getProviderSideId() == null || volume.getProviderSideId().isBlank()) {
            problems.add("baseVolume", "volume " + volume.getName() + " is not at Scaleway yet: create it first");
        } else if (snapshot.getZone() != null && !snapshot.getZone().isBlank() && !snapshot.getZone().strip().equals(volume.getZone())) {
            problems.add("zone", "a snapshot is made in its volume's zone " + volume.getZone() + ", is " + snapshot.getZone().strip()
                    + " (leave it empty)");
        }
        problems.throwIfAny();
        return new CreateSnapshotRequest(volume.getProviderSideId(), snapshot.getName().strip(), projectId, List.of());
    }
}
