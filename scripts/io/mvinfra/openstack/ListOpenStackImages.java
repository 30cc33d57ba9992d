package io.mvinfra.openstack;

import java.util.List;
import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Image;
import org.meveo.model.customEntities.ServiceProvider;

import io.mvinfra.openstack.image.GlanceImage;
import io.mvinfra.openstack.image.ImageMapper;
import io.mvinfra.sync.Reconciliation;

/**
 * ServiceProvider → "List images": every Glance image the project sees (every page, following {@code next}), as Image
 * entities matched by Glance's id; what Glance no longer has is marked {@code missingAtProvider}, never deleted.
 */
public class ListOpenStackImages extends OpenStackButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        ServiceProvider provider = entity(ctx, ServiceProvider.class);
        List<GlanceImage> listed = openstack(provider).images().list();
        ServiceProvider reference = new ServiceProvider(provider.getUuid());
        Reconciliation.Outcome outcome = Reconciliation.byId(Image::getProviderSideId, GlanceImage::id)
                .create(item -> {
                    Image image = new Image();
                    image.setProvider(reference);
                    return image;
                })
                .copy(ImageMapper::copy)
                .markMissing(ImageMapper::markMissing)
                .run(findAll(Image.class, "provider", provider.getUuid()), listed, this::save);
        message(ctx, "Images of %s: %s", provider.getCode(), outcome.summary());
    }
}
