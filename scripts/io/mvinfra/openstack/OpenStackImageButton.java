package io.mvinfra.openstack;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Image;
import org.meveo.model.customEntities.ServiceProvider;

/** What the Image buttons share: the image's provider (OPENSTACK or OVH), and how messages name an image. */
public abstract class OpenStackImageButton extends OpenStackButton {

    protected static String name(Image image) {
        return "Image " + (image.getName() == null || image.getName().isBlank() ? image.getUuid() : image.getName());
    }

    /** The Glance client of the image's provider. */
    protected OpenStackClient openstack(Image image) throws BusinessException {
        if (image.getProvider() == null) {
            throw new BusinessException(name(image) + ": provider is empty; give the OpenStack ServiceProvider it belongs to");
        }
        return openstack(resolve(image.getProvider(), ServiceProvider.class, name(image) + ": provider"));
    }
}
