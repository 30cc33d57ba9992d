package io.mvinfra.openstack.volume;

import java.util.Map;
import java.util.Set;

import org.meveo.model.customEntities.Server;
import org.meveo.model.customEntities.Snapshot;
import org.meveo.model.customEntities.Volume;

import io.mvinfra.sync.FieldChanges;

/** A Cinder volume (or snapshot) written into its entity; says whether anything changed, so a list writes only what differs. */
public final class VolumeMapper {

    /**
     * The Volume.volumeType list values that are OpenStack types; a cloud's other types are left out of the entity
     * (a list field takes only its values), the volume keeps its type at Cinder.
     */
    private static final Set<String> LISTED_TYPES = Set.of("__DEFAULT__", "classic", "high-speed", "high-speed-gen2");

    private VolumeMapper() {
    }

    /**
     * @param serverUuids the provider's Server entities, uuid by Nova id: the volume's {@code server} is the one it is
     *                    attached to (left as it is when that server is not here), none when attached to none
     */
    public static boolean copy(Volume volume, CinderVolume answer, Map<String, String> serverUuids) {
        return new FieldChanges()
                .set(volume.getProviderSideId(), answer.id(), volume::setProviderSideId)
                .text(volume.getName(), answer.name(), volume::setName)
                .set(volume.getState(), answer.status(), volume::setState)
                .set(volume.getSize(), answer.size() == null ? null : VolumeSizes.bytes(answer.size()), volume::setSize)
                .set(volume.getVolumeType(), LISTED_TYPES.contains(answer.volumeType()) ? answer.volumeType() : null, volume::setVolumeType)
                .set(volume.getIsBoot(), answer.isBootable(), volume::setIsBoot)
                .text(volume.getBaseVolume(), answer.madeFrom(), volume::setBaseVolume)
                .set(volume.getCreationDate(), CinderTime.parse(answer.createdAt()), volume::setCreationDate)
                .set(volume.getLastUpdated(), CinderTime.parse(answer.updatedAt()), volume::setLastUpdated)
                .set(volume.getMissingAtProvider(), Boolean.FALSE, volume::setMissingAtProvider)
                .change(serverDiffers(volume, answer, serverUuids), () -> volume.setServer(attachedTo(answer, serverUuids)))
                .any();
    }

    public static boolean markMissing(Volume volume) {
        return FieldChanges.markMissing(volume.getMissingAtProvider(), volume::setMissingAtProvider);
    }

    /** A Cinder snapshot into its Snapshot, whose {@code baseVolume} is the Volume entity it was taken of. */
    public static boolean copy(Snapshot snapshot, CinderSnapshot answer) {
        return new FieldChanges()
                .set(snapshot.getProviderSideId(), answer.id(), snapshot::setProviderSideId)
                .text(snapshot.getName(), answer.name(), snapshot::setName)
                .set(snapshot.getState(), answer.status(), snapshot::setState)
                .set(snapshot.getSize(), answer.size() == null ? null : VolumeSizes.bytes(answer.size()), snapshot::setSize)
                .set(snapshot.getCreationDate(), CinderTime.parse(answer.createdAt()), snapshot::setCreationDate)
                .set(snapshot.getModificationDate(), CinderTime.parse(answer.updatedAt()), snapshot::setModificationDate)
                .set(snapshot.getMissingAtProvider(), Boolean.FALSE, snapshot::setMissingAtProvider)
                .any();
    }

    private static boolean serverDiffers(Volume volume, CinderVolume answer, Map<String, String> serverUuids) {
        Server wanted = attachedTo(answer, serverUuids);
        String current = volume.getServer() == null || volume.getServer().getUuid() == null ? "" : volume.getServer().getUuid();
        return wanted != null && !wanted.getUuid().equals(current);
    }

    /** The Server attached to; one of blank uuid (clearing the reference) when none; null when that server is not here. */
    private static Server attachedTo(CinderVolume answer, Map<String, String> serverUuids) {
        if (answer.serverIds().isEmpty()) {
            return new Server("");
        }
        return answer.serverIds().stream().map(serverUuids::get).filter(uuid -> uuid != null).findFirst().map(Server::new).orElse(null);
    }
}
