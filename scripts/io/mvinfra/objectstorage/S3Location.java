package io.mvinfra.objectstorage;

import java.net.URI;
import java.util.Objects;

/**
 * Where a bucket lives: the service's endpoint (e.g. {@code https://s3.example-region.example.net}), its region (part of
 * every AWS Signature V4) and the bucket's name. Addressing is always path-style ({@code endpoint/bucket/key}):
 * S3-compatible services on custom endpoints do not all serve virtual-host buckets.
 */
public record S3Location(URI endpoint, String region, String bucket) {

    public S3Location {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(bucket, "bucket");
        if (endpoint.getScheme() == null || !endpoint.getScheme().matches("https?") || endpoint.getHost() == null) {
            throw new IllegalArgumentException("endpoint: an http(s) URL with a host is needed, not " + endpoint);
        }
        if (region.isBlank()) {
            throw new IllegalArgumentException("region: must not be blank (it is part of every signature)");
        }
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new IllegalArgumentException("bucket: 3 to 63 lower-case letters, digits, dots or dashes, not '" + bucket + "'");
        }
    }
}
