package io.mvinfra.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;

/**
 * What a request carries: bytes known in full (JSON, plain text, a JSON patch), or a stream opened afresh for each
 * attempt and copied through a small buffer, so an image of gigabytes is never held in memory.
 */
sealed interface RequestContent {

    /** The body for one attempt; one-shot tells OkHttp never to replay it by itself. */
    RequestBody body(boolean oneShot);

    /** For a dry run: text with secret fields masked; a stream by its size and type only. */
    String describe(Set<String> secrets);

    record Bytes(byte[] bytes, MediaType type) implements RequestContent {
        public Bytes {
            Objects.requireNonNull(bytes, "bytes");
            Objects.requireNonNull(type, "type");
        }

        @Override
        public RequestBody body(boolean oneShot) {
            return new Body(type, bytes.length, oneShot) {
                @Override
                public void writeTo(BufferedSink sink) throws IOException {
                    sink.write(bytes);
                }
            };
        }

        @Override
        public String describe(Set<String> secrets) {
            return Redactor.body(new String(bytes, StandardCharsets.UTF_8), secrets);
        }
    }

    /** @param length in bytes, or -1 when unknown (sent chunked) */
    record Stream(Supplier<InputStream> source, long length, MediaType type) implements RequestContent {
        public Stream {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(type, "type");
        }

        @Override
        public RequestBody body(boolean oneShot) {
            return new Body(type, length, oneShot) {
                @Override
                public void writeTo(BufferedSink sink) throws IOException {
                    try (Source from = Okio.source(source.get())) {
                        sink.writeAll(from);
                    }
                }
            };
        }

        @Override
        public String describe(Set<String> secrets) {
            return "<" + (length < 0 ? "a stream" : length + " bytes") + " of " + type + ">";
        }
    }

    abstract class Body extends RequestBody {
        private final MediaType type;
        private final long length;
        private final boolean oneShot;

        Body(MediaType type, long length, boolean oneShot) {
            this.type = type;
            this.length = length;
            this.oneShot = oneShot;
        }

        @Override
        public MediaType contentType() {
            return type;
        }

        @Override
        public long contentLength() {
            return length;
        }

        @Override
        public boolean isOneShot() {
            return oneShot;
        }
    }
}
