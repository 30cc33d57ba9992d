package io.mvinfra.openstack.image;

import java.util.List;
import java.util.Objects;

import io.mvinfra.http.ProviderHttp;

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

    public GlanceImage get(String id) {
        return http.get("v2/images/{id}", id).read(GlanceImage.class);
    }
}
