package io.mvinfra.scaleway.backups;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Credential;
import org.meveo.model.customEntities.ServiceProvider;

import io.mvinfra.backup.store.BackupStore;
import io.mvinfra.backup.store.StoreKey;
import io.mvinfra.objectstorage.ObjectStorage;
import io.mvinfra.objectstorage.S3Keys;
import io.mvinfra.objectstorage.S3Location;
import io.mvinfra.validation.Violations;

/**
 * Where a Scaleway provider's backups go, read from its ServiceProvider and Credential and checked before anything
 * is sent: the staging bucket Block Storage exports to and imports from (in the zone's region, at
 * {@code objectStorageEndpoint} or {@code https://s3.{region}.scw.cloud}), the Object Storage keys (the credential's
 * access key and secret key) and the store ({@code file:///path}, or {@code s3://bucket/prefix} at the same endpoint
 * with the same keys). The keys' secret never reaches a message: {@link S3Keys} does not show it.
 */
public final class BackupSettings {

    private final S3Location staging;
    private final S3Keys keys;
    private final URI store;

    private BackupSettings(S3Location staging, S3Keys keys, URI store) {
        this.staging = staging;
        this.keys = keys;
        this.store = store;
    }

    /** The settings for work in {@code zone} (fr-par-1 works in region fr-par); every problem at once, each by its field. */
    public static BackupSettings of(ServiceProvider provider, Credential credential, String zone) throws BusinessException {
        Violations problems = new Violations("ServiceProvider");
        String bucket = provider.getStagingBucket() == null ? null : provider.getStagingBucket().strip();
        if (bucket == null || bucket.isEmpty()) {
            problems.add("stagingBucket", "is required for backups: the Object Storage bucket (in the volume's region) Scaleway exports the snapshot to");
        }
        URI store = storeUri(provider.getBackupStore(), problems, "backupStore");
        URI endpoint = endpoint(provider.getObjectStorageEndpoint(), region(zone), problems);
        problems.throwIfAny();
        Violations keyProblems = new Violations("Credential");
        if (credential == null || blank(credential.getAccessKey())) {
            keyProblems.add("accessKey", "is required for backups: Object Storage signs with the Scaleway access key (SCW…)");
        }
        if (credential == null || blank(credential.getApiKey())) {
            keyProblems.add("apiKey", "is required for backups: the Scaleway secret key that signs Object Storage requests");
        }
        keyProblems.throwIfAny();
        S3Keys keys = new S3Keys(credential.getAccessKey().strip(), credential.getApiKey().strip().toCharArray());
        return new BackupSettings(new S3Location(endpoint, region(zone), bucket), keys, store);
    }

    /** fr-par-1 → fr-par: Object Storage is regional, Block Storage zonal. */
    public static String region(String zone) {
        int dash = zone.lastIndexOf('-');
        return dash > 0 ? zone.substring(0, dash) : zone;
    }

    public S3Location staging() {
        return staging;
    }

    public URI store() {
        return store;
    }

    S3Keys keys() {
        return keys;
    }

    /** The staging location with another bucket of the same endpoint: where an earlier backup staged its object. */
    S3Location stagingIn(String bucket) {
        return new S3Location(staging.endpoint(), staging.region(), bucket);
    }

    /**
     * The same settings on the store a Backup was written to ({@code Backup.store}), which stays where it was when
     * the provider's {@code backupStore} moves on; null or blank keeps the provider's.
     */
    public BackupSettings onStore(String uri) throws BusinessException {
        if (uri == null || uri.isBlank()) {
            return this;
        }
        Violations problems = new Violations("Backup");
        URI other = storeUri(uri, problems, "store");
        problems.throwIfAny();
        return new BackupSettings(staging, keys, other);
    }

    public ObjectStorage connectStaging() {
        return ObjectStorage.connect(staging, keys);
    }

    /**
     * Opens the store under {@code key}; a store created under another key is refused here, before anything of the
     * backup is made. An {@code s3:} store gets its own client, on its bucket, closed with the store.
     */
    public OpenStore openStore(StoreKey key) throws IOException {
        ObjectStorage s3 = "s3".equals(store.getScheme())
                ? ObjectStorage.connect(new S3Location(staging.endpoint(), staging.region(), store.getHost()), keys) : null;
        try {
            return new OpenStore(BackupStore.open(store, key, s3), s3);
        } catch (IOException | RuntimeException e) {
            if (s3 != null) {
                s3.close();
            }
            throw e;
        }
    }

    /** A store and the bucket client it works through (none for a directory). */
    public record OpenStore(BackupStore store, ObjectStorage s3) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try {
                store.close();
            } finally {
                if (s3 != null) {
                    s3.close();
                }
            }
        }
    }

    private static URI storeUri(String value, Violations problems, String field) {
        if (blank(value)) {
            problems.add(field, "is required for backups: file:///path or s3://bucket/prefix");
            return null;
        }
        try {
            URI uri = new URI(value.strip());
            boolean file = "file".equals(uri.getScheme()) && uri.getPath() != null && uri.getPath().length() > 1;
            boolean s3 = "s3".equals(uri.getScheme()) && !blank(uri.getHost());
            if (!file && !s3) {
                problems.add(field, "must be file:///path or s3://bucket/prefix, is " + value.strip());
            }
            return uri;
        } catch (URISyntaxException e) {
            problems.add(field, "is not a URI (" + e.getReason() + "): " + value.strip());
            return null;
        }
    }

    private static URI endpoint(String value, String region, Violations problems) {
        if (blank(value)) {
            return URI.create("https://s3." + region + ".scw.cloud");
        }
        try {
            URI uri = new URI(value.strip());
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || blank(uri.getHost())) {
                problems.add("objectStorageEndpoint", "must be an http(s) URL such as https://s3." + region + ".scw.cloud, is " + value.strip());
            }
            return uri;
        } catch (URISyntaxException e) {
            problems.add("objectStorageEndpoint", "is not a URL (" + e.getReason() + "): " + value.strip());
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
