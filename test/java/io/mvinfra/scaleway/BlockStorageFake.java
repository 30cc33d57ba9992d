package io.mvinfra.scaleway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import io.mvinfra.objectstorage.ObjectStorage;
import io.mvinfra.objectstorage.S3Keys;
import io.mvinfra.objectstorage.S3Location;

/**
 * Scaleway Block Storage v1 as a WireMock transformer that plays the states with real bytes: a volume is a QCOW2 file;
 * a snapshot copies it ({@code creating} for one look, then {@code available}); an export is {@code exporting} while
 * the snapshot's bytes are PUT, in the background, into the S3 bucket named (a real S3 server on loopback), and for
 * one look after, then {@code available} again; an import reads the object back and becomes a snapshot of those bytes; a volume made
 * {@code from_snapshot} holds the snapshot's bytes. Field names and statuses are scaleway-sdk-go's
 * {@code api/block/v1/block_sdk.go}. Each operation can be made to answer a Scaleway error instead
 * ({@link #refuse}), and a snapshot can be made to go {@code error} or to stay {@code exporting}.
 */
final class BlockStorageFake implements ResponseDefinitionTransformerV2 {

    static final String NAME = "block-storage-fake";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PATH = Pattern.compile("/block/v1/zones/([a-z0-9-]+)/(snapshots|volumes)(?:/([^/?]+))?(?:/([a-z-]+))?");

    /** One thing of Block Storage: its answer's fields, its bytes, and the states its next looks will show. */
    static final class Thing {
        final ObjectNode json;
        Path bytes;
        final List<String> nextStates = new ArrayList<>();
        /** An export running: Scaleway's copy of the snapshot into the bucket, done in the background. */
        java.util.concurrent.CompletableFuture<Void> export;

        Thing(ObjectNode json) {
            this.json = json;
        }

        String id() {
            return json.get("id").asText();
        }

        String status() {
            return json.get("status").asText();
        }
    }

    private final Path dir;
    private final S3Side s3;
    final Map<String, Thing> volumes = new ConcurrentHashMap<>();
    final Map<String, Thing> snapshots = new ConcurrentHashMap<>();
    private final Map<String, ResponseDefinition> refusals = new ConcurrentHashMap<>();
    private volatile Runnable onExport = () -> { };
    private volatile boolean snapshotsFail;
    private volatile boolean exportsHang;

    /** The S3 server the exports write to and the imports read from, and the keys Scaleway would use. */
    record S3Side(java.net.URI endpoint, String region, S3Keys keys) {
    }

    BlockStorageFake(Path dir, S3Side s3) {
        this.dir = dir;
        this.s3 = s3;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    /** A volume at Scaleway whose disk is {@code image} (a QCOW2 file the test keeps writing to). */
    String volume(String zone, String name, long size, Path image) {
        ObjectNode json = JSON.createObjectNode().put("id", UUID.randomUUID().toString()).put("name", name).put("type", "sbs_5k")
                .put("size", size).put("project_id", ScalewayTestbed.PROJECT).put("status", "available").put("zone", zone)
                .put("created_at", "2026-12-01T10:00:00Z").put("updated_at", "2026-12-01T10:00:00Z");
        json.putArray("references");
        json.putArray("tags");
        json.putObject("specs").put("perf_iops", 5000).put("class", "sbs");
        Thing volume = new Thing(json);
        volume.bytes = image;
        volumes.put(volume.id(), volume);
        return volume.id();
    }

    /** The next request of {@code operation} (create-snapshot, export, import, create-volume, delete-snapshot) gets this answer. */
    void refuse(String operation, int status, String body) {
        refusals.put(operation, error(status, body));
    }

    /** Runs {@code task} when an export is asked for (as the test's way to break something between steps). */
    void onExport(Runnable task) {
        onExport = task;
    }

    /** Snapshots made from now on go {@code error} instead of {@code available}. */
    void snapshotsFail() {
        snapshotsFail = true;
    }

    /** Exports from now on never end: the snapshot stays {@code exporting} and the object never comes. */
    void exportsHang() {
        exportsHang = true;
    }

    /** An available snapshot of {@code volumeId}, as one an interrupted backup left behind. */
    String leftSnapshot(String zone, String name, String volumeId) throws IOException {
        Thing volume = volumes.get(volumeId);
        Thing snapshot = new Thing(snapshotJson(zone, name, volume.json.get("size").asLong(), JSON.createObjectNode()));
        snapshot.json.put("status", "available");
        snapshot.bytes = Files.copy(volume.bytes, dir.resolve(snapshot.id() + ".qcow2"));
        snapshots.put(snapshot.id(), snapshot);
        return snapshot.id();
    }

    void exportsHangNoMore() {
        exportsHang = false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        Matcher path = PATH.matcher(request.getUrl().split("\\?")[0]);
        if (!path.matches()) {
            return event.getResponseDefinition();
        }
        try {
            return answer(request.getMethod().getName(), path.group(1), path.group(2), path.group(3), path.group(4),
                    request.getBodyAsString().isEmpty() ? null : JSON.readTree(request.getBodyAsString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ResponseDefinition answer(String method, String zone, String kind, String id, String action, JsonNode body) throws IOException {
        boolean snapshotsPath = kind.equals("snapshots");
        Map<String, Thing> things = snapshotsPath ? snapshots : volumes;
        if (method.equals("POST") && snapshotsPath && "import-from-object-storage".equals(id)) {
            return refusedOr("import", () -> importObject(zone, body));
        }
        if (method.equals("POST") && snapshotsPath && id == null) {
            return refusedOr("create-snapshot", () -> snapshot(zone, body));
        }
        if (method.equals("POST") && snapshotsPath && "export-to-object-storage".equals(action)) {
            return refusedOr("export", () -> export(id, body));
        }
        if (method.equals("POST") && !snapshotsPath && id == null) {
            return refusedOr("create-volume", () -> volumeFrom(zone, body));
        }
        if (method.equals("GET") && id == null) {
            ObjectNode page = JSON.createObjectNode();
            page.putArray(kind).addAll(things.values().stream().map(t -> (JsonNode) t.json).toList());
            return ok(page.put("total_count", things.size()));
        }
        Thing thing = things.get(id);
        if (thing == null) {
            return error(404, "{\"message\": \"resource is not found\", \"resource\": \"" + kind + "\", \"resource_id\": \"" + id
                    + "\", \"type\": \"not_found\"}");
        }
        if (method.equals("GET")) {
            return ok(look(thing));
        }
        if (method.equals("DELETE") && snapshotsPath) {
            return refusedOr("delete-snapshot", () -> {
                if (thing.status().equals("exporting")) {
                    return error(409, "{\"current_state\": \"exporting\", \"message\": \"resource is in a transient state\", \"resource\": "
                            + "\"snapshot\", \"resource_id\": \"" + id + "\", \"type\": \"transient_state\"}");
                }
                snapshots.remove(id);
                return new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder().withStatus(204).build();
            });
        }
        return error(405, "{\"message\": \"not in this fake\", \"type\": \"unknown\"}");
    }

    private interface Answer {
        ResponseDefinition get() throws IOException;
    }

    private ResponseDefinition refusedOr(String operation, Answer answer) throws IOException {
        ResponseDefinition refusal = refusals.remove(operation);
        return refusal != null ? refusal : answer.get();
    }

    /** A look: what the thing had to do on this look happens, then it moves to its next state. */
    private ObjectNode look(Thing thing) {
        if (thing.export != null) {
            try {   // a look waits a little for a running export, well within the client's read timeout
                thing.export.get(1, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException stillRunning) {
                return thing.json.deepCopy();
            } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
                thing.json.put("status", "error");
            }
            synchronized (this) {
                ObjectNode now = thing.json.deepCopy();   // this look still sees it exporting; the next one available
                thing.export = null;
                if (!thing.status().equals("error")) {
                    thing.json.put("status", "available");
                }
                return now;
            }
        }
        synchronized (this) {
            return nextState(thing);
        }
    }

    private ObjectNode nextState(Thing thing) {
        ObjectNode now = thing.json.deepCopy();
        if (!thing.nextStates.isEmpty()) {
            thing.json.put("status", thing.nextStates.remove(0));
        }
        return now;
    }

    private ResponseDefinition snapshot(String zone, JsonNode body) throws IOException {
        Thing volume = volumes.get(body.path("volume_id").asText());
        if (volume == null) {
            return error(404, "{\"message\": \"resource is not found\", \"resource\": \"volume\", \"type\": \"not_found\"}");
        }
        Thing snapshot = new Thing(snapshotJson(zone, body.path("name").asText(), volume.json.get("size").asLong(), body));
        snapshot.json.putObject("parent_volume").put("id", volume.id()).put("name", volume.json.get("name").asText()).put("type", "sbs_5k")
                .put("status", "available");
        snapshot.bytes = Files.copy(volume.bytes, dir.resolve(snapshot.id() + ".qcow2"));
        snapshot.nextStates.add(snapshotsFail ? "error" : "available");
        snapshots.put(snapshot.id(), snapshot);
        return ok(snapshot.json);
    }

    private ResponseDefinition export(String id, JsonNode body) {
        Thing snapshot = snapshots.get(id);
        if (snapshot == null || !snapshot.status().equals("available")) {
            return error(snapshot == null ? 404 : 409, "{\"message\": \"snapshot not available\", \"type\": \"precondition_failed\"}");
        }
        snapshot.json.put("status", "exporting");
        onExport.run();
        if (exportsHang) {
            return ok(snapshot.json);
        }
        String bucket = body.path("bucket").asText();
        String key = body.path("key").asText();
        // Scaleway writes the object in the background while the snapshot is exporting
        snapshot.export = java.util.concurrent.CompletableFuture.runAsync(() -> put(bucket, key, snapshot.bytes));
        return ok(snapshot.json);
    }

    private ResponseDefinition importObject(String zone, JsonNode body) throws IOException {
        Thing snapshot = new Thing(snapshotJson(zone, body.path("name").asText(), body.path("size").asLong(0), body));
        Path bytes = dir.resolve(snapshot.id() + ".qcow2");
        try (ObjectStorage bucket = bucket(body.path("bucket").asText()); InputStream in = bucket.get(body.path("key").asText())) {
            Files.copy(in, bytes, StandardCopyOption.REPLACE_EXISTING);
        }
        snapshot.bytes = bytes;
        if (!snapshot.json.hasNonNull("size") || snapshot.json.get("size").asLong() == 0) {
            snapshot.json.put("size", Files.size(bytes));
        }
        snapshot.nextStates.add("available");
        snapshots.put(snapshot.id(), snapshot);
        return ok(snapshot.json);
    }

    private ResponseDefinition volumeFrom(String zone, JsonNode body) throws IOException {
        Thing snapshot = snapshots.get(body.path("from_snapshot").path("snapshot_id").asText());
        if (snapshot == null) {
            return error(404, "{\"message\": \"resource is not found\", \"resource\": \"snapshot\", \"type\": \"not_found\"}");
        }
        String id = volume(zone, body.path("name").asText(), snapshot.json.get("size").asLong(), null);
        Thing volume = volumes.get(id);
        volume.bytes = Files.copy(snapshot.bytes, dir.resolve(id + ".qcow2"));
        volume.json.put("status", "creating").put("parent_snapshot_id", snapshot.id());
        volume.nextStates.add("available");
        return ok(volume.json);
    }

    private ObjectNode snapshotJson(String zone, String name, long size, JsonNode body) {
        ObjectNode json = JSON.createObjectNode().put("id", UUID.randomUUID().toString()).put("name", name).put("size", size)
                .put("project_id", body.path("project_id").asText(ScalewayTestbed.PROJECT)).put("status", "creating").put("zone", zone)
                .put("class", "sbs").put("created_at", "2026-12-01T10:00:00Z").put("updated_at", "2026-12-01T10:00:00Z");
        json.putArray("references");
        json.set("tags", body.path("tags").isArray() ? body.get("tags") : JSON.createArrayNode());
        return json;
    }

    private void put(String bucket, String key, Path bytes) {
        try (ObjectStorage s3bucket = bucket(bucket); InputStream in = Files.newInputStream(bytes)) {
            s3bucket.put(key, in, Files.size(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectStorage bucket(String name) {
        return ObjectStorage.connect(new S3Location(s3.endpoint(), s3.region(), name), s3.keys());
    }

    /** The snapshots this fake still holds, by name: what a backup or a restore left behind. */
    Map<String, String> snapshotNames() {
        Map<String, String> names = new LinkedHashMap<>();
        snapshots.values().forEach(s -> names.put(s.json.get("name").asText(), s.status()));
        return names;
    }

    Path bytesOfVolume(String id) {
        return volumes.get(id).bytes;
    }

    private static ResponseDefinition ok(JsonNode json) {
        return new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(json.toString()).build();
    }

    private static ResponseDefinition error(int status, String body) {
        return new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body).build();
    }
}
