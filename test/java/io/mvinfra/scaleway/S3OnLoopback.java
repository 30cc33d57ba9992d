package io.mvinfra.scaleway;

import java.net.URI;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3 server on 127.0.0.1 (S3Proxy over jclouds' in-memory blob store) that checks AWS Signature V4 against
 * one access key and secret key, with the buckets a test names. Until backup-store's shared support class lands,
 * the backup flow's tests start their own.
 */
final class S3OnLoopback implements AutoCloseable {

    static final String ACCESS_KEY = "SCWXXXXXXXXXXXXXXXXX";

    private final S3Proxy proxy;
    private final BlobStoreContext context;
    final BlobStore blobs;

    private S3OnLoopback(String secretKey, String... buckets) throws Exception {
        context = ContextBuilder.newBuilder("transient").credentials("unused", "unused").build(BlobStoreContext.class);
        blobs = context.getBlobStore();
        for (String bucket : buckets) {
            blobs.createContainerInLocation(null, bucket);
        }
        proxy = S3Proxy.builder().blobStore(blobs).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, secretKey).build();
        proxy.start();
        for (int i = 0; i < 200 && !proxy.getState().equals("STARTED"); i++) {
            Thread.sleep(25);
        }
    }

    static S3OnLoopback start(String secretKey, String... buckets) throws Exception {
        return new S3OnLoopback(secretKey, buckets);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /** Every key of a bucket. */
    java.util.List<String> keys(String bucket) {
        return blobs.list(bucket, org.jclouds.blobstore.options.ListContainerOptions.Builder.recursive()).stream()
                .map(org.jclouds.blobstore.domain.StorageMetadata::getName).toList();
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        context.close();
    }
}
