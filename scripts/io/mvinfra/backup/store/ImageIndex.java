package io.mvinfra.backup.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One image as stored: its label, when, its size and digest, and its chunks in order (each a chunk id and its
 * plain size). Written as JSON; the store compresses and seals it like a chunk.
 */
record ImageIndex(String imageId, String label, Instant created, long sizeBytes, String digest, List<ChunkRef> chunks) {

    private static final ObjectMapper JSON = new ObjectMapper();

    ImageIndex {
        chunks = List.copyOf(chunks);
    }

    /** A chunk of an image: its id (hex of its keyed hash) and its plain size. */
    record ChunkRef(String id, int sizeBytes) { }

    StoredImage summary() {
        return new StoredImage(imageId, label, created, sizeBytes, digest);
    }

    byte[] toJson() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 + chunks.size() * 80);
        try (JsonGenerator json = JSON.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("imageId", imageId);
            json.writeStringField("label", label);
            json.writeStringField("created", created.toString());
            json.writeNumberField("sizeBytes", sizeBytes);
            json.writeStringField("digest", digest);
            json.writeArrayFieldStart("chunks");
            for (ChunkRef chunk : chunks) {
                json.writeStartArray();
                json.writeString(chunk.id());
                json.writeNumber(chunk.sizeBytes());
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return out.toByteArray();
    }

    static ImageIndex fromJson(byte[] bytes) throws IOException {
        String imageId = null;
        String label = null;
        Instant created = null;
        long size = -1;
        String digest = null;
        List<ChunkRef> chunks = new ArrayList<>();
        try (JsonParser json = JSON.getFactory().createParser(bytes)) {
            expect(json.nextToken(), JsonToken.START_OBJECT);
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                switch (field) {
                    case "imageId" -> imageId = json.getText();
                    case "label" -> label = json.getText();
                    case "created" -> created = Instant.parse(json.getText());
                    case "sizeBytes" -> size = json.getLongValue();
                    case "digest" -> digest = json.getText();
                    case "chunks" -> {
                        expect(json.currentToken(), JsonToken.START_ARRAY);
                        while (json.nextToken() == JsonToken.START_ARRAY) {
                            json.nextToken();
                            String id = json.getText();
                            json.nextToken();
                            int chunkSize = json.getIntValue();
                            expect(json.nextToken(), JsonToken.END_ARRAY);
                            chunks.add(new ChunkRef(id, chunkSize));
                        }
                    }
                    default -> json.skipChildren();
                }
            }
        }
        if (imageId == null || created == null || size < 0 || digest == null) {
            throw new IOException("an image index lacks its id, creation time, size or digest");
        }
        return new ImageIndex(imageId, label, created, size, digest, chunks);
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("an image index is malformed: " + expected + " expected, " + actual + " found");
        }
    }
}
