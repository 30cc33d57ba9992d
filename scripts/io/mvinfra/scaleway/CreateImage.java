package io.mvinfra.scaleway;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Image;
import org.meveo.model.customEntities.ServiceProvider;
import org.meveo.model.customEntities.Snapshot;

import io.mvinfra.http.ProviderCall;
import io.mvinfra.scaleway.images.CreateImageRequest;
import io.mvinfra.scaleway.images.ImageMapper;
import io.mvinfra.scaleway.images.ImageRequests;
import io.mvinfra.scaleway.images.ScalewayImage;

/**
 * Image → "Create on Scaleway": an Instance image booting from its {@code rootSnapshot}, in the snapshot's zone; its
 * id kept durably as soon as Scaleway answers, then waited for while Scaleway says it is still creating.
 */
public class CreateImage extends ScalewayStorageButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        Image image = entity(ctx, Image.class);
        String name = "Image " + image.getName();
        requireNoProviderSideId(name, image.getProviderSideId(), "create another Image for a new one");
        ServiceProvider provider = provider(image.getProvider(), name);
        Snapshot snapshot = image.getRootSnapshot() == null ? null
                : resolve(image.getRootSnapshot(), Snapshot.class, name + ": rootSnapshot");
        CreateImageRequest request = ImageRequests.create(image, snapshot, projectId(provider));
        String zone = zoneOf("Snapshot", snapshot.getZone());
        ScalewayClient scaleway = scaleway(provider);
        ProviderCall<ScalewayImage> create = scaleway.images().create(zone, request);
        if (dryRun(ctx)) {
            describeDryRun(ctx, create);
            return;
        }
        ScalewayImage created = create.send();
        Map<String, String> snapshots = Map.of(snapshot.getProviderSideId(), snapshot.getUuid());
        ImageMapper.copy(image, created, snapshots);
        saveDurably(image);
        ScalewayImage ready = AVAILABLE.equals(created.state()) ? created
                : awaitAvailable(ctx, name, created.id(), () -> scaleway.images().get(zone, created.id()), ScalewayImage::state);
        ImageMapper.copy(image, ready, snapshots);
        save(image);
        message(ctx, "%s of snapshot %s created at Scaleway (id %s): %s, %s", name, snapshot.getName(), ready.id(), ready.arch(),
                ready.state());
    }
}
