package io.mvinfra.scaleway;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Image;

import io.mvinfra.http.ProviderCall;

/** Image → "Delete on Scaleway": the image deleted there, its snapshots kept (delete them on their own), then removed here. */
public class DeleteImage extends ScalewayStorageButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        Image image = entity(ctx, Image.class);
        String name = "Image " + image.getName();
        String id = requireProviderSideId(name, image.getProviderSideId(), "delete the entity itself");
        String zone = zoneOf("Image", image.getZone());
        ProviderCall<String> delete = scaleway(provider(image.getProvider(), name)).images().delete(zone, id);
        if (dryRun(ctx)) {
            describeDryRun(ctx, delete);
            return;
        }
        String outcome = sendDelete(delete);
        Image marked = new Image(image.getUuid());
        marked.setMissingAtProvider(Boolean.TRUE);
        message(ctx, "%s %s (id %s), its snapshots kept, and %s", name, outcome, id, removeHere(image.getUuid(), Image.class, marked));
    }
}
