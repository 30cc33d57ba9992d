package io.mvinfra.backup.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.options.ListContainerOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.mvinfra.objectstorage.ObjectStorage;
import support.S3Server;

/** The store under a prefix of a bucket ({@code s3://bucket/prefix}) on S3Proxy, which checks every signature. */
class ObjectStorageStoreTest extends BackupStoreContract {
    private static final String A_UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    /**
     * S3Proxy's file-system blob store writes a PUT into {@code <name>-<uuid>} and renames it when complete; S3 itself
     * never lists an object before its PUT completes, so neither does this view of the bucket.
     */
    private static final Pattern IN_FLIGHT = Pattern.compile(
            "/(config|images/" + A_UUID + "|chunks/[0-9a-f]{2}/[0-9a-f]{64}|locks/[a-z]+-" + A_UUID + ")-" + A_UUID + "$");

    private static final String BUCKET = "backup-store-test";
    private static S3Server server;
    private static ObjectStorage bucket;
    private static int stores;

    @BeforeAll
    static void start() {
        server = S3Server.start(BUCKET);
        bucket = server.connect(BUCKET);
    }

    @AfterAll
    static void stop() {
        bucket.close();
        server.close();
    }

    @Override
    URI location() {
        return URI.create("s3://" + BUCKET + "/stores/store-" + (++stores));
    }

    @Override
    ObjectStorage s3() {
        return bucket;
    }

    @Override
    Map<String, byte[]> rawObjects(URI location) throws IOException {
        String prefix = location.getPath().substring(1) + "/";
        Map<String, byte[]> objects = new TreeMap<>();
        String marker = null;
        do {
            ListContainerOptions options = ListContainerOptions.Builder.prefix(prefix).recursive();
            if (marker != null) {
                options.afterMarker(marker);
            }
            var page = server.blobs().list(BUCKET, options);
            for (StorageMetadata blob : page) {
                if (blob.getName().endsWith("/") || IN_FLIGHT.matcher(blob.getName()).find()) {
                    continue;
                }
                Blob stored = server.blobs().getBlob(BUCKET, blob.getName());
                if (stored == null) {
                    continue;   // deleted between the listing and the read: not there any more
                }
                try (InputStream in = stored.getPayload().openStream()) {
                    objects.put(blob.getName().substring(prefix.length()), in.readAllBytes());
                }
            }
            marker = page.getNextMarker();
        } while (marker != null);
        return objects;
    }

    @Override
    void overwriteRaw(URI location, String name, byte[] bytes) {
        String key = location.getPath().substring(1) + "/" + name;
        server.blobs().putBlob(BUCKET, server.blobs().blobBuilder(key).payload(bytes).build());
    }

    @Override
    void deleteRaw(URI location, String name) {
        server.blobs().removeBlob(BUCKET, location.getPath().substring(1) + "/" + name);
    }

    @Test
    void aStoreInABucketTheClientCannotReachFailsWithTheBucketsCode() {
        try (ObjectStorage missing = server.connect("no-such-bucket")) {
            assertThatThrownBy(() -> BackupStore.open(URI.create("s3://no-such-bucket/x"), KEY, missing))
                    .isInstanceOfSatisfying(io.mvinfra.objectstorage.ObjectStorageException.class,
                            e -> assertThat(e.code()).isEqualTo("NoSuchBucket"));
        }
    }

    @Test
    void theLocationMustNameTheClientsBucket() {
        assertThatThrownBy(() -> BackupStore.open(URI.create("s3://other-bucket/x"), KEY, bucket))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("other-bucket", BUCKET);
        assertThatThrownBy(() -> BackupStore.open(URI.create("s3://" + BUCKET + "/x"), KEY, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ObjectStorage");
    }

    @Test
    void storesUnderOnePrefixLeaveTheRestOfTheBucketAlone() throws IOException {
        server.blobs().putBlob(BUCKET, server.blobs().blobBuilder("staging/export.qcow2").payload(new byte[] {1, 2}).build());
        URI location = location();
        try (BackupStore store = open(location)) {
            Ingested ingested = store.ingest("prefixed", new ByteArrayInputStream(TestImages.random(400_000, 30)), Progress.NONE);
            store.forget(ingested.imageId());
            store.prune();
        }

        assertThat(server.blobs().blobExists(BUCKET, "staging/export.qcow2")).isTrue();
        assertThat(rawObjects(location).keySet()).containsExactly("config");
    }
}
