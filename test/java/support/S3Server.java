package support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

import io.mvinfra.objectstorage.ObjectStorage;
import io.mvinfra.objectstorage.S3Keys;
import io.mvinfra.objectstorage.S3Location;

/**
 * A real S3-compatible server on 127.0.0.1 (S3Proxy over jclouds' filesystem blob store in a temporary directory),
 * on a random port, that checks AWS Signature V2/V4 against one identity and credential. {@link #blobs()} is the
 * server's own view, what a test checks a request against.
 */
public final class S3Server implements AutoCloseable {

    public static final String ACCESS_KEY = "SCWTESTACCESSKEY0001";
    public static final String SECRET_KEY = "test-secret-3f6c0c1e-9d7b-4c5e-8e0a-2b1d6f4a7c90";
    public static final String REGION = "fr-par";

    private final Path directory;
    private final BlobStoreContext context;
    private final S3Proxy proxy;

    private S3Server(Path directory, BlobStoreContext context, S3Proxy proxy) {
        this.directory = directory;
        this.context = context;
        this.proxy = proxy;
    }

    /** Started, with these buckets created. */
    public static S3Server start(String... buckets) {
        try {
            Path directory = Files.createTempDirectory("mvinfra-s3proxy-");
            Properties properties = new Properties();
            properties.setProperty("jclouds.filesystem.basedir", directory.toString());
            BlobStoreContext context = ContextBuilder.newBuilder("filesystem")
                    .credentials("unused", "unused")
                    .overrides(properties)
                    .buildView(BlobStoreContext.class);
            for (String bucket : buckets) {
                context.getBlobStore().createContainerInLocation(null, bucket);
            }
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(context.getBlobStore())
                    .endpoint(URI.create("http://127.0.0.1:0"))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                    .build();
            proxy.start();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!"STARTED".equals(proxy.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("S3Proxy did not start in 30 s (state " + proxy.getState() + ")");
                }
                Thread.sleep(10);
            }
            return new S3Server(directory, context, proxy);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start S3Proxy on loopback: " + e.getMessage(), e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    public S3Location bucket(String name) {
        return new S3Location(endpoint(), REGION, name);
    }

    /** A client of that bucket signing with the server's keys. */
    public ObjectStorage connect(String bucket) {
        return ObjectStorage.connect(bucket(bucket), new S3Keys(ACCESS_KEY, SECRET_KEY.toCharArray()));
    }

    /** The server side: what it holds, whatever a client says. */
    public BlobStore blobs() {
        return context.getBlobStore();
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not stop", e);
        } finally {
            context.close();
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
