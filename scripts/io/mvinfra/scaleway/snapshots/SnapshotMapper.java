package io.mvinfra.scaleway.snapshots;

import java.util.Map;

import org.meveo.model.customEntities.Snapshot;
import org.meveo.model.customEntities.Volume;

import io.mvinfra.sync.FieldChanges;

/** A Block Storage snapshot written into its Snapshot; says whether anything changed, so a list writes only what differs. */
public final class SnapshotMapper {

    private SnapshotMapper() {
    }

    /**
     * @param volumeUuids the provider's Volume entities, uuid by Scaleway id: the snapshot's {@code baseVolume} is the
     *                    one it copies, when that volume is here (the volume may be deleted since)
     */
    public static boolean copy(Snapshot snapshot, BlockSnapshot answer, Map<String, String> volumeUuids) {
        String volume = answer.parentVolumeId() == null ? null : volumeUuids.get(answer.parentVolumeId());
        String current = snapshot.getBaseVolume() == null ? null : snapshot.getBaseVolume().getUuid();
        return new FieldChanges()
                .set(snapshot.getProviderSideId(), answer.id(), snapshot::setProviderSideId)
                .set(snapshot.getName(), answer.name(), snapshot::setName)
                .set(snapshot.getZone(), answer.zone(), snapshot::setZone)
                .set(snapshot.getVolumeType(), answer.parentVolume() == null ? null : answer.parentVolume().type(), snapshot::setVolumeType)
                .set(snapshot.getSize(), answer.size(), snapshot::setSize)
                .set(snapshot.getState(), answer.status(), snapshot::setState)
                .set(snapshot.getCreationDate(), answer.createdAt(), snapshot::setCreationDate)
                .set(snapshot.getModificationDate(), answer.updatedAt(), snapshot::setModificationDate)
                .set(snapshot.getMissingAtProvider(), Boolean.FALSE, snapshot::setMissingAtProvider)
                .change(volume != null && !volume.equals(current), () -> snapshot.setBaseVolume(new Volume(volume)))
                .any();
    }

    public static boolean markMissing(Snapshot snapshot) {
        return FieldChanges.markMissing(snapshot.getMissingAtProvider(), snapshot::setMissingAtProvider);
    }
}
