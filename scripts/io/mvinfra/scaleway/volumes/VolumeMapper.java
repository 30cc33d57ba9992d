package io.mvinfra.scaleway.volumes;

import java.util.Map;

import org.meveo.model.customEntities.Server;
import org.meveo.model.customEntities.Volume;

import io.mvinfra.sync.FieldChanges;

/** A Block Storage volume written into its Volume; says whether anything changed, so a list writes only what differs. */
public final class VolumeMapper {

    private VolumeMapper() {
    }

    /**
     * @param serverUuids the provider's Server entities, uuid by Scaleway id: the volume's {@code server} is the one it
     *                    is attached to (left as it is when that server is not here), none when it is attached to none
     */
    public static boolean copy(Volume volume, BlockVolume answer, Map<String, String> serverUuids) {
        return new FieldChanges()
                .set(volume.getProviderSideId(), answer.id(), volume::setProviderSideId)
                .set(volume.getName(), answer.name(), volume::setName)
                .set(volume.getZone(), answer.zone(), volume::setZone)
                .set(volume.getVolumeType(), answer.type(), volume::setVolumeType)
                .set(volume.getSize(), answer.size(), volume::setSize)
                .set(volume.getState(), answer.status(), volume::setState)
                .text(volume.getBaseVolume(), answer.parentSnapshotId(), volume::setBaseVolume)
                .set(volume.getCreationDate(), answer.createdAt(), volume::setCreationDate)
                .set(volume.getLastUpdated(), answer.updatedAt(), volume::setLastUpdated)
                .set(volume.getMissingAtProvider(), Boolean.FALSE, volume::setMissingAtProvider)
                .change(server(volume, answer, serverUuids), () -> volume.setServer(attachedTo(answer, serverUuids)))
                .any();
    }

    public static boolean markMissing(Volume volume) {
        return FieldChanges.markMissing(volume.getMissingAtProvider(), volume::setMissingAtProvider);
    }

    /** Whether the volume's server differs from the one Scaleway says it is attached to (when that one is known here). */
    private static boolean server(Volume volume, BlockVolume answer, Map<String, String> serverUuids) {
        Server wanted = attachedTo(answer, serverUuids);
        String current = volume.getServer() == null || volume.getServer().getUuid() == null ? "" : volume.getServer().getUuid();
        return wanted != null && !wanted.getUuid().equals(current);
    }

    /** The Server the volume is attached to; a Server of blank uuid (which clears the reference) when it is attached to none; null when its server is not here. */
    private static Server attachedTo(BlockVolume answer, Map<String, String> serverUuids) {
        if (answer.attachedServerIds().isEmpty()) {
            return new Server("");
        }
        return answer.attachedServerIds().stream().map(serverUuids::get).filter(uuid -> uuid != null).findFirst()
                .map(Server::new).orElse(null);
    }
}
