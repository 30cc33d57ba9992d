package io.mvinfra.openstack.image;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import okhttp3.MediaType;

import io.mvinfra.http.JsonPatch;
import io.mvinfra.http.ProviderCall;
import io.mvinfra.http.ProviderHttp;
import io.mvinfra.http.StateWait;
import io.mvinfra.http.TimeSource;

/** Glance v2's images ({@code /v2/images}), at the image endpoint of the catalog. */
public final class ImageClient {

    private final ProviderHttp http;

    public ImageClient(ProviderHttp http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    /** Every image the project sees, following Glance's {@code next}. */
    public List<GlanceImage> list() {
        return http.get("v2/images").at("images").list(GlanceImage.class);
    }

    /** The images named exactly {@code name} (Glance's {@code name} filter is an exact match). */
    public List<GlanceImage> named(String name) {
        return http.get("v2/images").query("name", name).at("images").list(GlanceImage.class);
    }

    /** Glance's own media type for an image's JSON patch; {@code application/json-patch+json} it refuses (415). */
    public static final MediaType PATCH = MediaType.get("application/openstack-images-v2.1-json-patch");

    /** Every image, {@code pageSize} at a time, following each page's {@code next}. */
    public List<GlanceImage> list(int pageSize) {
        return http.get("v2/images").query("limit", pageSize).at("images").list(GlanceImage.class);
    }

    /** Changes the image ({@code PATCH /v2/images/{id}}, JSON patch); Glance answers the image as it now is. */
    public ProviderCall<GlanceImage> update(String id, List<JsonPatch> operations) {
        return new ProviderCall<>(http.patch("v2/images/{id}", id).jsonPatch(operations, PATCH), patch -> patch.read(GlanceImage.class));
    }

    public ProviderCall<String> delete(String id) {
        return ProviderCall.answering(http.delete("v2/images/{id}", id), id);
    }

    public GlanceImage get(String id) {
        return http.get("v2/images/{id}", id).read(GlanceImage.class);
    }

    /**
     * Waits until the image is {@code active} (a snapshot goes queued → saving → active), failing on {@code killed}
     * or {@code deleted}; answers it as it then is.
     */
    public GlanceImage awaitActive(String id, String name, TimeSource time, Duration deadline,
                                   Consumer<StateWait.Progress<String>> progress) {
        GlanceImage[] last = new GlanceImage[1];
        StateWait.of(http.dialect().provider(), name, time, () -> {
                    last[0] = get(id);
                    return last[0].status();
                })
                .until("active")
                .failingOn("killed", "deleted", "pending_delete")
                .within(deadline)
                .onProgress(progress)
                .await();
        return last[0];
    }
}
