package io.mvinfra.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.mvinfra.openstack.OpenStackDialect;
import okhttp3.MediaType;
import support.LoopbackServer;
import support.TestHttp;

/**
 * Uploads then downloads {@link #SIZE} bytes through the layer against a loopback server that digests what it
 * receives and sends; run by {@link StreamedBodiesTest} in a JVM whose heap is far smaller than the body. Prints one
 * line per direction, and the heap's peak; exits 1 when a digest or a length differs.
 */
public final class StreamedBodiesCheck {

    static final long SIZE = Long.getLong("bytes", 1L << 30);

    public static void main(String[] args) throws Exception {
        AtomicReference<String> received = new AtomicReference<>();
        // the server knows the download's digest only once it has written the last byte, which the client may have
        // read already: the client waits for it rather than reading whatever is there
        CompletableFuture<String> sent = new CompletableFuture<>();
        try (LoopbackServer glance = LoopbackServer.start((socket, connection) -> serve(socket, received, sent))) {
            ProviderHttp http = ProviderHttp.builder(new HttpRuntime(TestHttp.settings(), TimeSource.SYSTEM),
                    glance.baseUrl(), new OpenStackDialect("glance")).auth(Auth.header("X-Auth-Token", "gl-token")).build();

            MessageDigest uploaded = sha256();
            ProviderResponse answer = http.put("v2/images/{id}/file", "i1")
                    .upload(() -> new DigestInputStream(new Pattern(SIZE), uploaded), SIZE, MediaType.get("application/octet-stream"))
                    .send();
            String uploadDigest = hex(uploaded);
            boolean uploadOk = answer.json().path("bytes").asLong() == SIZE && uploadDigest.equals(received.get());
            System.out.printf("upload %d bytes, SHA-256 %s (server %s)%n", answer.json().path("bytes").asLong(),
                    uploadOk ? "matches" : "DIFFERS", received.get());

            MessageDigest downloaded = sha256();
            long bytes;
            try (OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), downloaded)) {
                bytes = http.get("v2/images/{id}/file", "i1").download(sink);
            }
            boolean downloadOk = bytes == SIZE && hex(downloaded).equals(sent.get(1, TimeUnit.MINUTES));
            System.out.printf("download %d bytes, SHA-256 %s%n", bytes, downloadOk ? "matches" : "DIFFERS");
            System.out.printf("heap: max %d MB, peak used %d MB%n", Runtime.getRuntime().maxMemory() >> 20, peakHeap() >> 20);
            System.exit(uploadOk && downloadOk ? 0 : 1);
        }
    }

    private static void serve(java.net.Socket socket, AtomicReference<String> received, CompletableFuture<String> sent)
            throws IOException {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        for (LoopbackServer.Head head = LoopbackServer.readHead(in); head != null; head = LoopbackServer.readHead(in)) {
            if (head.method().equals("PUT")) {
                MessageDigest digest = sha256();
                long count = 0;
                byte[] buffer = new byte[64 * 1024];
                for (long left = head.contentLength(); left > 0; ) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                    if (n < 0) {
                        throw new IOException("the upload ended after " + count + " bytes");
                    }
                    digest.update(buffer, 0, n);
                    count += n;
                    left -= n;
                }
                received.set(hex(digest));
                LoopbackServer.answer(out, "HTTP/1.1 200 OK", "{\"bytes\":" + count + "}", "Content-Type: application/json");
            } else {
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " + SIZE + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                MessageDigest digest = sha256();
                try (InputStream body = new DigestInputStream(new Pattern(SIZE), digest)) {
                    body.transferTo(out);
                }
                out.flush();
                sent.complete(hex(digest));
            }
        }
    }

    /** {@code size} bytes of a pattern, made as they are read: nothing held. */
    static final class Pattern extends InputStream {
        private final long size;
        private long position;

        Pattern(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return position < size ? next() : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - position);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) next();
            }
            return n;
        }

        private int next() {
            long p = position++;
            return (int) ((p * 31 + (p >>> 13)) & 0xff);
        }
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    private StreamedBodiesCheck() {
    }
}
