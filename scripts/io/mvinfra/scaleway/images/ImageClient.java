package io.mvinfra.scaleway.images;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.mvinfra.http.ProviderCall;
import io.mvinfra.http.ProviderHttp;

/** The images of the Instance API, zone by zone ({@code /instance/v1/zones/{zone}/images}). */
public final class ImageClient {

    private static final String IMAGES = "instance/v1/zones/{zone}/images";
    private static final String IMAGE = IMAGES + "/{image_id}";

    private final ProviderHttp http;

    public ImageClient(ProviderHttp http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    /** Every image of the account in the zone (not Scaleway's public ones), every page, or a failure. */
    public List<ScalewayImage> list(String zone) {
        return http.get(IMAGES, zone).query("public", false).at("images").list(ScalewayImage.class);
    }

    public ScalewayImage get(String zone, String id) {
        return http.get(IMAGE, zone, id).at("image").read(ScalewayImage.class);
    }

    /** Creates an image. When the answer is lost, an image of the same name and root snapshot is looked up first. */
    public ProviderCall<ScalewayImage> create(String zone, CreateImageRequest request) {
        return new ProviderCall<>(http.post(IMAGES, zone).body(request).at("image"),
                post -> post.create(ScalewayImage.class, () -> findCreated(zone, request)));
    }

    /** The image {@code request} would have created: same name, same root snapshot. */
    public Optional<ScalewayImage> findCreated(String zone, CreateImageRequest request) {
        return http.get(IMAGES, zone).query("name", request.name()).query("public", false).at("images").list(ScalewayImage.class)
                .stream().filter(i -> request.name().equals(i.name()) && request.rootVolume().equals(i.rootSnapshotId()))
                .findFirst();
    }

    /** Deletes the image; its snapshots stay. */
    public ProviderCall<String> delete(String zone, String id) {
        return ProviderCall.answering(http.delete(IMAGE, zone, id), id);
    }
}
