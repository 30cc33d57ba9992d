package io.mvinfra.scaleway.images;

import java.util.Map;

import org.meveo.model.customEntities.Image;
import org.meveo.model.customEntities.Snapshot;

import io.mvinfra.sync.FieldChanges;

/** A Scaleway image written into its Image; says whether anything changed, so a list writes only what differs. */
public final class ImageMapper {

    private ImageMapper() {
    }

    /**
     * @param snapshotUuids the provider's Snapshot entities, uuid by Scaleway id: the image's {@code rootSnapshot} is
     *                      the one it boots from, when that snapshot is here
     */
    public static boolean copy(Image image, ScalewayImage answer, Map<String, String> snapshotUuids) {
        String snapshot = answer.rootSnapshotId() == null ? null : snapshotUuids.get(answer.rootSnapshotId());
        String current = image.getRootSnapshot() == null ? null : image.getRootSnapshot().getUuid();
        return new FieldChanges()
                .set(image.getProviderSideId(), answer.id(), image::setProviderSideId)
                .set(image.getName(), answer.name(), image::setName)
                .set(image.getZone(), answer.zone(), image::setZone)
                .set(image.getArch(), answer.arch(), image::setArch)
                .set(image.getState(), answer.state(), image::setState)
                .set(image.getIsPublic(), answer.isPublic(), image::setIsPublic)
                .text(image.getFromServer(), answer.fromServer(), image::setFromServer)
                .text(image.getOrganization(), answer.organization(), image::setOrganization)
                .text(image.getProject(), answer.project(), image::setProject)
                .list(image.getTags(), answer.tags(), image::setTags)
                .set(image.getCreationDate(), answer.creationDate(), image::setCreationDate)
                .set(image.getLastUpdated(), answer.modificationDate(), image::setLastUpdated)
                .set(image.getMissingAtProvider(), Boolean.FALSE, image::setMissingAtProvider)
                .change(snapshot != null && !snapshot.equals(current), () -> image.setRootSnapshot(new Snapshot(snapshot)))
                .any();
    }

    public static boolean markMissing(Image image) {
        return FieldChanges.markMissing(image.getMissingAtProvider(), image::setMissingAtProvider);
    }
}
