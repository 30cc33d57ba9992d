package io.mvinfra.scaleway.images;

import java.util.List;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Image;
import org.meveo.model.customEntities.Snapshot;

import io.mvinfra.validation.Violations;

/** An Image checked, then turned into what the Instance API takes, before anything is sent. */
public final class ImageRequests {

    /** The architectures of the Instance API (instance_sdk.go {@code Arch}; the 2022 spec predates arm64). */
    static final List<String> ARCHES = List.of("x86_64", "arm64", "arm");

    private ImageRequests() {
    }

    /**
     * The body of an image of {@code snapshot} (the Image's {@code rootSnapshot}, read; null when it has none). The
     * image is made in its snapshot's zone: an Image naming another is refused.
     */
    public static CreateImageRequest create(Image image, Snapshot snapshot, String projectId) throws BusinessException {
        Violations problems = new Violations("Image");
        if (image.getName() == null || image.getName().isBlank()) {
            problems.add("name", "is required");
        }
        String arch = image.getArch() == null ? null : image.getArch().strip();
        if (arch == null || arch.isEmpty()) {
            problems.add("arch", "is required: the architecture the snapshot's system runs on, " + String.join(", ", ARCHES));
        } else if (!ARCHES.contains(arch)) {
            problems.add("arch", "must be one of " + String.join(", ", ARCHES) + ", is " + arch);
        }
        if (snapshot == null) {
            problems.add("rootSnapshot", "is required: the snapshot of the volume to boot from");
        } else if (snapshot.getProviderSideId() == null || snapshot.getProviderSideId().isBlank()) {
            problems.add("rootSnapshot", "snapshot " + snapshot.getName() + " is not at Scaleway yet: create it first");
        } else if (image.getZone() != null && !image.getZone().isBlank() && !image.getZone().strip().equals(snapshot.getZone())) {
            problems.add("zone", "an image is made in its snapshot's zone " + snapshot.getZone() + ", is " + image.getZone().strip()
                    + " (leave it empty)");
        }
        problems.throwIfAny();
        String project = image.getProject() == null || image.getProject().isBlank() ? projectId : image.getProject().strip();
        List<String> tags = image.getTags() == null || image.getTags().isEmpty() ? null : image.getTags();
        return new CreateImageRequest(image.getName().strip(), snapshot.getProviderSideId(), arch, project, tags, Boolean.FALSE);
    }
}
