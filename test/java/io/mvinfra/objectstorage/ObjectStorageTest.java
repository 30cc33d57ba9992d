package io.mvinfra.objectstorage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import java.util.concurrent.CopyOnWriteArrayList;

import okhttp3.Interceptor;
import okhttp3.Request;
import org.jclouds.blobstore.domain.Blob;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import support.S3Server;

/** {@link ObjectStorage} against S3Proxy on loopback, which checks every request's signature. */
class ObjectStorageTest {

    private static final String BUCKET = "objectstorage-test";
    private static S3Server server;
    private static ObjectStorage bucket;

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

    @Test
    void putStoresTheBytesAndGetExistsAndSizeReadThemBack() throws IOException {
        byte[] data = randomBytes(100_000, 1);

        bucket.put("put/one.bin", new ByteArrayInputStream(data), data.length);

        Blob stored = server.blobs().getBlob(BUCKET, "put/one.bin");
        assertThat(stored).as("the server holds the object").isNotNull();
        try (InputStream onServer = stored.getPayload().openStream()) {
            assertThat(onServer.readAllBytes()).isEqualTo(data);
        }
        assertThat(bucket.exists("put/one.bin")).isTrue();
        assertThat(bucket.size("put/one.bin")).isEqualTo(data.length);
        try (InputStream back = bucket.get("put/one.bin")) {
            assertThat(back.readAllBytes()).isEqualTo(data);
        }
    }

    @Test
    void anAbsentKeyIsFalseForExistsNotFoundForSizeAndGetAndFineToDelete() throws IOException {
        assertThat(bucket.exists("absent/key")).isFalse();
        assertThatThrownBy(() -> bucket.size("absent/key")).isInstanceOf(FileNotFoundException.class).hasMessageContaining("absent/key");
        assertThatThrownBy(() -> bucket.get("absent/key")).isInstanceOf(FileNotFoundException.class).hasMessageContaining("absent/key");

        bucket.delete("absent/key");

        assertThat(server.blobs().blobExists(BUCKET, "absent/key")).isFalse();
    }

    @Test
    void deleteRemovesTheObject() throws IOException {
        bucket.put("delete/me", new ByteArrayInputStream(new byte[] {1, 2, 3}), 3);

        bucket.delete("delete/me");

        assertThat(server.blobs().blobExists(BUCKET, "delete/me")).isFalse();
        assertThat(bucket.exists("delete/me")).isFalse();
    }

    @Test
    void anUploadOfUnknownLengthOverFiveMebibytesGoesInPartsAndArrivesWhole() throws Exception {
        long length = 40L * 1024 * 1024 + 12345;
        List<String> sent = new CopyOnWriteArrayList<>();
        Interceptor recorder = chain -> {
            Request request = chain.request();
            sent.add(request.method() + " " + request.url().encodedPath() + "?" + request.url().encodedQuery()
                    + " signed=" + request.header("Authorization").startsWith("AWS4-HMAC-SHA256 Credential=" + S3Server.ACCESS_KEY + "/")
                    + " bytes=" + (request.body() == null ? 0 : request.body().contentLength()));
            return chain.proceed(request);
        };

        try (ObjectStorage observed = ObjectStorage.connect(server.bucket(BUCKET), new S3Keys(S3Server.ACCESS_KEY, S3Server.SECRET_KEY.toCharArray()), recorder)) {
            observed.put("multipart/image.qcow2", new PatternStream(length, 7), -1);
        }

        String path = "/" + BUCKET + "/multipart/image.qcow2";
        assertThat(sent).extracting(line -> line.replaceAll("uploadId=[^&\\s]+", "uploadId=U").replaceAll(" bytes=3\\d\\d$", " bytes=<xml>"))
                .as("path-style, SigV4, one upload in parts of 16 MiB, completed")
                .containsExactly(
                        "POST " + path + "?uploads= signed=true bytes=0",
                        "PUT " + path + "?uploadId=U&partNumber=1 signed=true bytes=16777216",
                        "PUT " + path + "?uploadId=U&partNumber=2 signed=true bytes=16777216",
                        "PUT " + path + "?uploadId=U&partNumber=3 signed=true bytes=" + (length - 2 * 16777216),
                        "POST " + path + "?uploadId=U signed=true bytes=<xml>");
        Blob stored = server.blobs().getBlob(BUCKET, "multipart/image.qcow2");
        assertThat(stored.getMetadata().getContentMetadata().getContentLength()).isEqualTo(length);
        try (InputStream onServer = stored.getPayload().openStream()) {
            assertThat(sha256(onServer)).isEqualTo(sha256(new PatternStream(length, 7)));
        }
        try (InputStream back = bucket.get("multipart/image.qcow2")) {
            assertThat(sha256(back)).as("get streams it back").isEqualTo(sha256(new PatternStream(length, 7)));
        }
    }

    @Test
    void aKnownLengthOverFiveMebibytesGoesInPartsOfAtLeastFiveMebibytesAndNeverMoreThanAThousand() throws Exception {
        byte[] data = randomBytes(12 * 1024 * 1024 + 5, 11);
        List<String> sent = new CopyOnWriteArrayList<>();
        Interceptor recorder = chain -> {
            sent.add(chain.request().method() + " " + chain.request().url().encodedQuery() + " " + chain.request().body().contentLength());
            return chain.proceed(chain.request());
        };

        try (ObjectStorage observed = ObjectStorage.connect(server.bucket(BUCKET), new S3Keys(S3Server.ACCESS_KEY, S3Server.SECRET_KEY.toCharArray()), recorder)) {
            observed.put("multipart/known", new ByteArrayInputStream(data), data.length);
        }

        assertThat(sent).filteredOn(line -> line.contains("partNumber=")).extracting(line -> line.substring(line.lastIndexOf(' ') + 1))
                .containsExactly("5242880", "5242880", String.valueOf(data.length - 2 * 5242880));
        try (InputStream onServer = server.blobs().getBlob(BUCKET, "multipart/known").getPayload().openStream()) {
            assertThat(onServer.readAllBytes()).isEqualTo(data);
        }
        assertThat(ObjectStorage.partBytes(200L * 1024 * 1024 * 1024)).as("200 GiB in 1,000 parts").isEqualTo(205L * 1024 * 1024);
    }

    @Test
    void aFailedMultipartUploadIsAbortedAndLeavesNoObject() {
        InputStream failing = new PatternStream(40L * 1024 * 1024, 3) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (position() > 33L * 1024 * 1024) {
                    throw new IOException("the export stream broke");
                }
                return super.read(b, off, len);
            }
        };

        assertThatThrownBy(() -> bucket.put("multipart/broken", failing, -1)).isInstanceOf(IOException.class);

        assertThat(server.blobs().blobExists(BUCKET, "multipart/broken")).isFalse();
        assertThat(server.blobs().listMultipartUploads(BUCKET)).as("no upload left open").isEmpty();
    }

    @Test
    void listFollowsContinuationTokensToEveryKey() throws IOException {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            keys.add("list/item-" + i);
            bucket.put("list/item-" + i, new ByteArrayInputStream(new byte[] {(byte) i}), 1);
        }
        bucket.put("other/item", new ByteArrayInputStream(new byte[] {9}), 1);

        List<String> listed = bucket.withListPageKeys(2).list("list/");

        assertThat(listed).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(bucket.withListPageKeys(2).listObjects("list/")).allSatisfy(o -> assertThat(o.sizeBytes()).isEqualTo(1));
    }

    @Test
    void aWrongSecretKeyIsRefusedWithSignatureDoesNotMatchAndTheMessageHoldsNoSecret() {
        String wrongSecret = "not-the-secret-0123456789abcdef";
        try (ObjectStorage wrong = ObjectStorage.connect(server.bucket(BUCKET), new S3Keys(S3Server.ACCESS_KEY, wrongSecret.toCharArray()))) {
            assertThatThrownBy(() -> wrong.put("refused", new ByteArrayInputStream(new byte[] {1}), 1))
                    .isInstanceOfSatisfying(ObjectStorageException.class, e -> {
                        assertThat(e.code()).isEqualTo("SignatureDoesNotMatch");
                        assertThat(e.httpStatus()).isEqualTo(403);
                        assertThat(e.getMessage()).contains("PUT refused", "SignatureDoesNotMatch")
                                .doesNotContain(wrongSecret).doesNotContain(S3Server.SECRET_KEY);
                    });
            assertThatThrownBy(() -> wrong.list("")).isInstanceOfSatisfying(ObjectStorageException.class,
                    e -> assertThat(e.code()).isEqualTo("SignatureDoesNotMatch"));
        }
        assertThat(server.blobs().blobExists(BUCKET, "refused")).isFalse();
    }

    @Test
    void anUnknownBucketGivesNoSuchBucket() {
        try (ObjectStorage missing = server.connect("no-such-bucket")) {
            assertThatThrownBy(() -> missing.put("key", new ByteArrayInputStream(new byte[] {1}), 1))
                    .isInstanceOfSatisfying(ObjectStorageException.class, e -> {
                        assertThat(e.code()).isEqualTo("NoSuchBucket");
                        assertThat(e.httpStatus()).isEqualTo(404);
                        assertThat(e.getMessage()).contains("no-such-bucket");
                    });
            assertThatThrownBy(() -> missing.list("")).isInstanceOfSatisfying(ObjectStorageException.class,
                    e -> assertThat(e.code()).isEqualTo("NoSuchBucket"));
        }
    }

    @Test
    void keysNeverShowTheSecret() {
        S3Keys keys = new S3Keys("SCWACCESS", "very-secret-value".toCharArray());

        assertThat(keys.toString()).contains("SCWACCESS").doesNotContain("very-secret-value");
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    private static byte[] sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            digest.update(buffer, 0, n);
        }
        return digest.digest();
    }

    /** A long stream of pseudo-random bytes, made as it is read (never held whole). */
    static class PatternStream extends InputStream {
        private final long length;
        private final Random random;
        private long position;

        PatternStream(long length, long seed) {
            this.length = length;
            this.random = new Random(seed);
        }

        long position() {
            return position;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (position >= length) {
                return -1;
            }
            int n = (int) Math.min(len, length - position);
            byte[] part = new byte[n];
            random.nextBytes(part);
            System.arraycopy(part, 0, b, off, n);
            position += n;
            return n;
        }
    }
}
