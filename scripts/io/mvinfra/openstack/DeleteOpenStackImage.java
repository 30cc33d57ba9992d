package io.mvinfra.openstack;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Image;

import io.mvinfra.http.ProviderCall;

/**
 * Image → "Delete on OpenStack": deleted at Glance (one already gone is as good), then here; an Image a Server still
 * refers to is kept, marked missing at the provider and {@code deleted}.
 */
public class DeleteOpenStackImage extends OpenStackImageButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        Image image = entity(ctx, Image.class);
        String name = name(image);
        String id = requireProviderSideId(name, image.getProviderSideId(), "delete the entity itself");
        ProviderCall<String> delete = openstack(image).images().delete(id);
        if (dryRun(ctx)) {
            describeDryRun(ctx, delete);
            return;
        }
        String outcome = sendDelete(delete);
        String here;
        try {
            remove(image.getUuid(), Image.class);
            here = "removed here";
        } catch (BusinessException stillReferenced) {
            Image marked = new Image(image.getUuid());
            marked.setMissingAtProvider(Boolean.TRUE);
            marked.setState("deleted");
            save(marked);
            here = "kept here, marked deleted (" + stillReferenced.getMessage() + ")";
        }
        message(ctx, "%s %s (id %s), %s", name, outcome, id, here);
    }
}
