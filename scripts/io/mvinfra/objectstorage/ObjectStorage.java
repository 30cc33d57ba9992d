package io.mvinfra.objectstorage;

import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import io.minio.messages.Item;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * One S3-compatible bucket, over MinIO's Java client (OkHttp, AWS Signature V4, path-style on the given endpoint).
 * Bodies are streamed both ways; an upload over 5 MiB, or of unknown length over 16 MiB, goes as a multipart upload
 * of parts of at least 5 MiB ({@link #partBytes}), one part in memory at a time, and MinIO's client aborts the upload
 * when a part fails.
 * Every S3 error answer becomes an {@link ObjectStorageException} carrying the S3 code and the HTTP status.
 */
public final class ObjectStorage implements AutoCloseable {

    private static final long MIB = 1024L * 1024;
    /** S3's smallest part but the last. */
    static final long MIN_PART_BYTES = 5 * MIB;
    /** The lowest limit among S3-compatible services (AWS allows 10,000, some 1,000): parts are sized so an upload never needs more. */
    static final int MAX_PARTS = 1000;
    /** The part size when the length is unknown: 1,000 parts of 16 MiB cover 15.6 GiB, and one part is in memory. */
    static final long UNKNOWN_LENGTH_PART_BYTES = 16 * MIB;

    /** S3's own largest page. */
    static final int LIST_PAGE_KEYS = 1000;

    private final S3Location where;
    private final MinioClient client;
    private final OkHttpClient http;
    private final int listPageKeys;

    private ObjectStorage(S3Location where, MinioClient client, OkHttpClient http, int listPageKeys) {
        this.where = where;
        this.client = client;
        this.http = http;
        this.listPageKeys = listPageKeys;
    }

    /** The same bucket listed in smaller pages (tests follow continuation tokens without a thousand objects). */
    ObjectStorage withListPageKeys(int keys) {
        return new ObjectStorage(where, client, http, keys);
    }

    public static ObjectStorage connect(S3Location where, S3Keys keys) {
        return connect(where, keys, null);
    }

    /** With an interceptor that sees each request as sent (tests check what went on the wire). */
    static ObjectStorage connect(S3Location where, S3Keys keys, Interceptor observer) {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(keys, "keys");
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectTimeout(30, TimeUnit.SECONDS)
                .readTimeout(5, TimeUnit.MINUTES)
                .writeTimeout(5, TimeUnit.MINUTES)
                .retryOnConnectionFailure(true);
        if (observer != null) {
            builder.addNetworkInterceptor(observer);
        }
        OkHttpClient http = builder.build();
        // parallel uploads share one pool; OkHttp's default of 5 idle connections per host would reconnect each time
        http.dispatcher().setMaxRequestsPerHost(32);
        MinioClient client = MinioClient.builder()
                .endpoint(where.endpoint().toString())
                .region(where.region())
                .credentials(keys.accessKey(), new String(keys.secretKey()))
                .httpClient(http)
                .build();
        client.disableVirtualStyleEndpoint();
        return new ObjectStorage(where, client, http, LIST_PAGE_KEYS);
    }

    public S3Location location() {
        return where;
    }

    /** HEAD: {@code false} when the key is absent (404). */
    public boolean exists(String key) throws IOException {
        try {
            client.statObject(StatObjectArgs.builder().bucket(where.bucket()).object(key).build());
            return true;
        } catch (ErrorResponseException e) {
            if (isNoSuchKey(e)) {
                return false;
            }
            throw failure("HEAD", key, e);
        } catch (MinioException | GeneralSecurityException e) {
            throw failure("HEAD", key, e);
        }
    }

    /** HEAD's content length; an absent key is a {@link FileNotFoundException}. */
    public long size(String key) throws IOException {
        try {
            return client.statObject(StatObjectArgs.builder().bucket(where.bucket()).object(key).build()).size();
        } catch (ErrorResponseException e) {
            if (isNoSuchKey(e)) {
                throw new FileNotFoundException("no object " + key + " in bucket " + where.bucket() + " at " + where.endpoint());
            }
            throw failure("HEAD", key, e);
        } catch (MinioException | GeneralSecurityException e) {
            throw failure("HEAD", key, e);
        }
    }

    /** The object's body, streamed from the service; the caller closes it. */
    public InputStream get(String key) throws IOException {
        try {
            return client.getObject(GetObjectArgs.builder().bucket(where.bucket()).object(key).build());
        } catch (ErrorResponseException e) {
            if (isNoSuchKey(e)) {
                FileNotFoundException missing = new FileNotFoundException(
                        "no object " + key + " in bucket " + where.bucket() + " at " + where.endpoint());
                missing.initCause(failure("GET", key, e));
                throw missing;
            }
            throw failure("GET", key, e);
        } catch (MinioException | GeneralSecurityException e) {
            throw failure("GET", key, e);
        }
    }

    /**
     * Writes the object from the stream, which is read to its end (or to {@code length} bytes); {@code length} -1
     * means unknown. At most one part is held in memory; S3 makes the object visible only when it is whole.
     */
    public void put(String key, InputStream data, long length) throws IOException {
        Objects.requireNonNull(data, "data");
        if (length < -1) {
            throw new IllegalArgumentException("length: -1 (unknown) or the byte count, not " + length);
        }
        long partBytes = partBytes(length);
        try {
            client.putObject(PutObjectArgs.builder().bucket(where.bucket()).object(key)
                    .stream(data, length, partBytes).build());
        } catch (MinioException | GeneralSecurityException e) {
            throw failure("PUT", key, e);
        } catch (IllegalArgumentException e) {
            throw new IOException("PUT " + key + " in bucket " + where.bucket() + " failed: " + e.getMessage(), e);
        }
    }

    /** Parts of at least 5 MiB, whole MiB, no more than {@link #MAX_PARTS} of them for a known length. */
    static long partBytes(long length) {
        if (length < 0) {
            return UNKNOWN_LENGTH_PART_BYTES;
        }
        long perPart = (length + MAX_PARTS - 1) / MAX_PARTS;
        return Math.max(MIN_PART_BYTES, (perPart + MIB - 1) / MIB * MIB);
    }

    /** An absent key is fine (S3 answers 204 either way). */
    public void delete(String key) throws IOException {
        try {
            client.removeObject(RemoveObjectArgs.builder().bucket(where.bucket()).object(key).build());
        } catch (ErrorResponseException e) {
            if (isNoSuchKey(e)) {
                return;
            }
            throw failure("DELETE", key, e);
        } catch (MinioException | GeneralSecurityException e) {
            throw failure("DELETE", key, e);
        }
    }

    /** Every key under the prefix, all pages. */
    public List<String> list(String prefix) throws IOException {
        List<String> keys = new ArrayList<>();
        for (StoredObject object : listObjects(prefix)) {
            keys.add(object.key());
        }
        return keys;
    }

    /** Every object under the prefix with its size and last change, all pages. */
    public List<StoredObject> listObjects(String prefix) throws IOException {
        List<StoredObject> objects = new ArrayList<>();
        Iterable<Result<Item>> results = client.listObjects(ListObjectsArgs.builder()
                .bucket(where.bucket()).prefix(prefix).recursive(true).maxKeys(listPageKeys).build());
        try {
            for (Result<Item> result : results) {
                Item item = result.get();
                if (!item.isDir()) {
                    Instant changed = item.lastModified() == null ? Instant.EPOCH : item.lastModified().toInstant();
                    objects.add(new StoredObject(item.objectName(), item.size(), changed));
                }
            }
        } catch (MinioException | GeneralSecurityException e) {
            throw failure("LIST", prefix + "*", e);
        }
        return objects;
    }

    /** One object of a listing. */
    public record StoredObject(String key, long sizeBytes, Instant lastModified) { }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private static boolean isNoSuchKey(ErrorResponseException e) {
        String code = e.errorResponse() == null ? "" : e.errorResponse().code();
        return "NoSuchKey".equals(code) || "NoSuchObject".equals(code)
                || (e.response() != null && e.response().code() == 404 && !"NoSuchBucket".equals(code));
    }

    private ObjectStorageException failure(String operation, String key, Exception e) {
        String what = operation + " " + key + " in bucket " + where.bucket() + " at " + where.endpoint();
        if (e instanceof ErrorResponseException answer) {
            String code = answer.errorResponse() == null || answer.errorResponse().code() == null ? "" : answer.errorResponse().code();
            int status = answer.response() == null ? 0 : answer.response().code();
            String said = answer.errorResponse() == null || answer.errorResponse().message() == null ? "" : ": " + answer.errorResponse().message();
            return new ObjectStorageException(code, status, what + " refused (HTTP " + status + ", " + code + ")" + said, null);
        }
        // MinIO's other exceptions carry no secret (the signature is computed, never printed), but keep only the type and text
        return new ObjectStorageException("", 0, what + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage(), null);
    }
}
