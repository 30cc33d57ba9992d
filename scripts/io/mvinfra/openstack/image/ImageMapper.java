package io.mvinfra.openstack.image;

import org.meveo.model.customEntities.Image;

import io.mvinfra.sync.FieldChanges;

/** A Glance image written into its Image entity; says whether anything changed. */
public final class ImageMapper {

    private ImageMapper() {
    }

    public static boolean copy(Image image, GlanceImage answer) {
        return new FieldChanges()
                .set(image.getProviderSideId(), answer.id(), image::setProviderSideId)
                .set(image.getName(), answer.name(), image::setName)
                .set(image.getState(), answer.status(), image::setState)
                .set(image.getIsPublic(), "public".equals(answer.visibility()), image::setIsPublic)
                .text(image.getProject(), answer.owner(), image::setProject)
                .list(image.getTags(), answer.tags(), image::setTags)
                .set(image.getCreationDate(), answer.createdAt(), image::setCreationDate)
                .set(image.getLastUpdated(), answer.updatedAt(), image::setLastUpdated)
                .set(image.getMissingAtProvider(), Boolean.FALSE, image::setMissingAtProvider)
                .any();
    }

    public static boolean markMissing(Image image) {
        return FieldChanges.markMissing(image.getMissingAtProvider(), image::setMissingAtProvider);
    }
}
