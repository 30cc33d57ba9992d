package io.mvinfra.scaleway;

import java.util.List;
import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Image;
import org.meveo.model.customEntities.ServiceProvider;
import org.meveo.model.customEntities.Snapshot;

import io.mvinfra.scaleway.images.ImageMapper;
import io.mvinfra.scaleway.images.ScalewayImage;
import io.mvinfra.sync.Reconciliation;

/**
 * ServiceProvider → "List images": every image of the account (not Scaleway's public ones) in every zone of the
 * provider, as Image entities linked to the Snapshot each boots from; nothing changes unless every zone's list arrived.
 */
public class ListScalewayImages extends ScalewayStorageButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        ServiceProvider provider = entity(ctx, ServiceProvider.class);
        List<String> zones = zones(provider);
        ScalewayClient scaleway = scaleway(provider);
        List<ScalewayImage> listed = everyZone(zones, scaleway.images()::list);
        Map<String, String> snapshots = uuidsById(findAll(Snapshot.class, "provider", provider.getUuid()), Snapshot::getProviderSideId,
                Snapshot::getUuid);
        ServiceProvider reference = new ServiceProvider(provider.getUuid());
        Reconciliation.Outcome outcome = Reconciliation.byId(Image::getProviderSideId, ScalewayImage::id)
                .naturalKey(image -> image.getZone() + " " + image.getName(), item -> item.zone() + " " + item.name())
                .create(item -> {
                    Image image = new Image();
                    image.setProvider(reference);
                    return image;
                })
                .copy((image, item) -> ImageMapper.copy(image, item, snapshots))
                .markMissing(ImageMapper::markMissing)
                .run(inZones(findAll(Image.class, "provider", provider.getUuid()), Image::getZone, zones), listed, this::save);
        message(ctx, "Images of %s in %s: %s", provider.getCode(), String.join(", ", zones), outcome.summary());
    }
}
