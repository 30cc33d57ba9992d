package io.mvinfra.openstack.image;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Image;

import io.mvinfra.http.JsonPatch;
import io.mvinfra.validation.Violations;

/**
 * What "Update on OpenStack" changes of a Glance image, from the Image against Glance's copy: its name, its tags
 * (the whole list the entity holds) and, when {@code isPublic} is set, its visibility; as a JSON patch.
 */
public final class ImageUpdate {

    private ImageUpdate() {
    }

    public static List<JsonPatch> of(Image image, GlanceImage current) throws BusinessException {
        Violations problems = new Violations("Image");
        String name = image.getName() == null ? null : image.getName().strip();
        if (name == null || name.isEmpty()) {
            problems.add("name", "is required");
        } else if (name.length() > 255) {
            problems.add("name", "is " + name.length() + " characters long; Glance takes at most 255");
        }
        List<String> tags = image.getTags() == null ? List.of() : List.copyOf(new LinkedHashSet<>(image.getTags()));
        for (String tag : tags) {
            if (tag.isBlank() || tag.length() > 255) {
                problems.add("tags", "tag '" + tag + "' must be 1 to 255 characters");
            }
        }
        problems.throwIfAny();
        List<JsonPatch> patch = new ArrayList<>();
        if (!name.equals(current.name())) {
            patch.add(current.name() == null ? JsonPatch.add("/name", name) : JsonPatch.replace("/name", name));
        }
        if (!new LinkedHashSet<>(tags).equals(new LinkedHashSet<>(current.tags()))) {
            patch.add(JsonPatch.replace("/tags", tags));
        }
        if (image.getIsPublic() != null) {
            String visibility = image.getIsPublic() ? "public" : "private";
            if (!Objects.equals(visibility, current.visibility())
                    && !(!image.getIsPublic() && !"public".equals(current.visibility()))) {
                patch.add(JsonPatch.replace("/visibility", visibility));
            }
        }
        return patch;
    }
}
