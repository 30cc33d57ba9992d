package io.mvinfra.openstack;

import java.util.List;
import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Image;

import io.mvinfra.http.JsonPatch;
import io.mvinfra.http.ProviderCall;
import io.mvinfra.openstack.image.GlanceImage;
import io.mvinfra.openstack.image.ImageClient;
import io.mvinfra.openstack.image.ImageMapper;
import io.mvinfra.openstack.image.ImageUpdate;

/**
 * Image → "Update on OpenStack": name, tags and (when set) visibility made Glance's, as one JSON patch in Glance's
 * media type ({@code application/openstack-images-v2.1-json-patch}); only what differs is sent.
 */
public class UpdateOpenStackImage extends OpenStackImageButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        Image image = entity(ctx, Image.class);
        String name = name(image);
        String id = requireProviderSideId(name, image.getProviderSideId(), "press 'List images' first");
        ImageClient images = openstack(image).images();
        GlanceImage current = images.get(id);
        List<JsonPatch> patch = ImageUpdate.of(image, current);
        if (patch.isEmpty()) {
            boolean refreshed = !dryRun(ctx) && ImageMapper.copy(image, current);
            if (refreshed) {
                save(image);
            }
            message(ctx, "%s: nothing to change at Glance%s", name, refreshed ? " (took what only Glance sets)" : "");
            return;
        }
        ProviderCall<GlanceImage> update = images.update(id, patch);
        if (dryRun(ctx)) {
            describeDryRun(ctx, update);
            return;
        }
        GlanceImage updated = update.send();
        ImageMapper.copy(image, updated);
        save(image);
        message(ctx, "%s updated at Glance: %s", name, String.join(", ", patch.stream().map(p -> p.path().substring(1)).toList()));
    }
}
