package io.mvinfra.openstack.compute;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.mvinfra.http.ProviderCall;
import io.mvinfra.http.ProviderException;
import io.mvinfra.http.ProviderHttp;
import io.mvinfra.http.ProviderRequest;

/**
 * Nova's servers at one compute endpoint, every request sent at the microversion both sides speak
 * ({@link #negotiate}), whose body forms the requests follow.
 */
public final class ServerClient {

    /** The newest microversion whose forms this client knows (Zed's Nova goes up to 2.93). */
    public static final Microversion IMPLEMENTED = new Microversion(2, 79);
    /** Nova's own {@code max_limit}: the most a page holds, so a list takes as few round trips as Nova allows. */
    public static final int PAGE_SIZE = 1000;
    /** The metadata key a create stores the Server entity's uuid under, to find a server whose create answer was lost. */
    public static final String ENTITY_KEY = "mv-infra-entity";

    private static final Pattern REGEX_SPECIAL = Pattern.compile("[\\\\.^$|?*+()\\[\\]{}]");
    private static final String SERVERS = "servers";
    private static final String SERVER = "servers/{id}";

    private final ProviderHttp http;
    private final Microversion version;
    private final boolean cyclades;

    public ServerClient(ProviderHttp http, Microversion version) {
        this(http, version, false);
    }

    private ServerClient(ProviderHttp http, Microversion version, boolean cyclades) {
        this.http = Objects.requireNonNull(http, "http");
        this.version = Objects.requireNonNull(version, "version");
        this.cyclades = cyclades;
    }

    /**
     * Synnefo Cyclades' compute API, Nova's v2 without microversions: its own action bodies ({@code start},
     * {@code shutdown}), STOPPED for SHUTOFF, metadata by POST only, no pagination.
     */
    public static ServerClient cyclades(ProviderHttp http) {
        return new ServerClient(http, Microversion.BASE, true);
    }

    public boolean isCyclades() {
        return cyclades;
    }

    /**
     * The microversion to speak: the highest both this client ({@link #IMPLEMENTED}) and the cloud support, read from
     * the endpoint's version document ({@code {"version": {"version": "2.93", "min_version": "2.1"}}}); a cloud
     * without microversions (empty {@code version}) speaks 2.1.
     */
    public static Microversion negotiate(ProviderHttp http) {
        JsonNode document = http.get("").send().json();
        JsonNode version = document.has("version") ? document.path("version") : current(document.path("versions"));
        Microversion max = Microversion.parse(version.path("version").asText(null));
        Microversion min = Microversion.parse(version.path("min_version").asText(null));
        if (max == null) {
            return Microversion.BASE;
        }
        if (min != null && min.compareTo(IMPLEMENTED) > 0) {
            throw ProviderException.withoutAnswer(http.dialect().provider(), ProviderException.Kind.CONFIGURATION,
                    "the compute API at " + http.baseUrl() + " speaks microversions " + min + " to " + max
                            + ", all newer than " + IMPLEMENTED + ", the newest mv-infra knows", null);
        }
        return max.compareTo(IMPLEMENTED) < 0 ? max : IMPLEMENTED;
    }

    private static JsonNode current(JsonNode versions) {
        for (JsonNode v : versions) {
            if ("v2.1".equals(v.path("id").asText())) {
                return v;
            }
        }
        return versions.path(0);
    }

    public Microversion version() {
        return version;
    }

    /** Every server of the project, every page ({@code limit}/{@code marker}), or a failure: never part of the list. */
    public List<NovaServer> list() {
        return list(PAGE_SIZE);
    }

    public List<NovaServer> list(int pageSize) {
        if (cyclades) {   // Cyclades answers every server at once and knows neither limit nor marker
            return http.get(SERVERS + "/detail").at("servers").list(NovaServer.class);
        }
        return versioned(http.get(SERVERS + "/detail").query("limit", pageSize)).at("servers").list(NovaServer.class);
    }

    /**
     * The servers changed since {@code since} ({@code changes-since}, Cyclades' poll), deleted ones with status
     * {@code DELETED}; empty on {@code 304 Not Modified}: nothing changed.
     */
    public Optional<List<NovaServer>> changedSince(Instant since) {
        return versioned(http.get(SERVERS + "/detail").query("changes-since", since.toString())).at("servers")
                .listIfModified(NovaServer.class);
    }

    public NovaServer get(String id) {
        return versioned(http.get(SERVER, id)).at("server").read(NovaServer.class);
    }

    /**
     * Creates a server. Nova has no idempotency key: after a doubt (no answer, a 5xx) the server is looked up by its
     * name and the entity uuid in its metadata ({@link #ENTITY_KEY}) before any second send. The answer holds the id
     * (and an {@code adminPass}, never kept).
     */
    public ProviderCall<NovaServer> create(CreateServerRequest request) {
        return new ProviderCall<>(versioned(http.post(SERVERS)).body(Map.of("server", request)).at("server"),
                post -> post.create(NovaServer.class, () -> findCreated(request)));
    }

    /** The server {@code request} made: same name and the same entity uuid in its metadata. */
    public Optional<NovaServer> findCreated(CreateServerRequest request) {
        String entity = request.metadata() == null ? null : request.metadata().get(ENTITY_KEY);
        if (entity == null) {
            return Optional.empty();
        }
        // Nova's name filter is a regular expression (matched by the database, so escaped by hand).
        String exactly = "^" + REGEX_SPECIAL.matcher(request.name()).replaceAll("\\\\$0") + "$";
        return versioned(http.get(SERVERS + "/detail").query("name", exactly))
                .at("servers").list(NovaServer.class).stream()
                .filter(s -> request.name().equals(s.name()) && entity.equals(s.metadata().get(ENTITY_KEY)))
                .findFirst();
    }

    /** A server action; {@code flavorRef} for a resize only. Nova answers 202 with nothing to read. */
    public ProviderCall<String> action(String id, ComputeAction action, String flavorRef) {
        if ((action == ComputeAction.RESIZE) != (flavorRef != null)) {
            throw new IllegalArgumentException("a flavor goes with a resize, and only with it");
        }
        if (cyclades && !action.atCyclades()) {
            throw ProviderException.withoutAnswer(http.dialect().provider(), ProviderException.Kind.CONFIGURATION,
                    "Cyclades has no " + action.code() + " action", null);
        }
        return ProviderCall.answering(versioned(http.post(SERVER + "/action", id)).body(action.body(flavorRef, cyclades)), id);
    }

    /** {@code createImage}: the id of the Glance image it starts (from 2.45 in the body, before in {@code Location}). */
    public ProviderCall<String> createImage(String id, String imageName) {
        if (cyclades) {
            throw ProviderException.withoutAnswer(http.dialect().provider(), ProviderException.Kind.CONFIGURATION,
                    "Cyclades has no createImage action; its images are made in its image service", null);
        }
        ProviderRequest post = versioned(http.post(SERVER + "/action", id))
                .body(Map.of("createImage", Map.of("name", imageName, "metadata", Map.of())));
        return new ProviderCall<>(post, sent -> {
            var answer = sent.send();
            if (version.atLeast(2, 45)) {
                return answer.json().path("image_id").asText(null);
            }
            String location = answer.header("Location");
            return location == null ? null : location.substring(location.lastIndexOf('/') + 1);
        });
    }

    /** Renames the server ({@code PUT /servers/{id}}); Nova answers the server as it now is. */
    public ProviderCall<NovaServer> rename(String id, String name) {
        return new ProviderCall<>(versioned(http.put(SERVER, id)).body(Map.of("server", Map.of("name", name))).at("server"),
                put -> put.read(NovaServer.class));
    }

    /** Adds or updates these metadata keys, leaving the others as they are ({@code POST /servers/{id}/metadata}). */
    public ProviderCall<Map<String, String>> mergeMetadata(String id, Map<String, String> metadata) {
        return ProviderCall.answering(versioned(http.post(SERVER + "/metadata", id)).body(Map.of("metadata", metadata)), metadata);
    }

    /** Replaces every metadata key by these ({@code PUT /servers/{id}/metadata}); not spoken by Cyclades. */
    public ProviderCall<Map<String, String>> replaceMetadata(String id, Map<String, String> metadata) {
        if (cyclades) {
            throw new IllegalStateException("Cyclades sets metadata by POST only; PUT on the collection it does not support");
        }
        return ProviderCall.answering(versioned(http.put(SERVER + "/metadata", id)).body(Map.of("metadata", metadata)), metadata);
    }

    /** Removes one metadata key ({@code DELETE /servers/{id}/metadata/{key}}). */
    public ProviderCall<String> deleteMetadata(String id, String key) {
        return ProviderCall.answering(versioned(http.delete(SERVER + "/metadata/{key}", id, key)), key);
    }

    /**
     * A console for the operator: at Nova a noVNC URL, from 2.6 by {@code POST /servers/{id}/remote-consoles}, before by
     * the {@code os-getVNCConsole} action; at Cyclades the {@code console} action's VNC host, port and password.
     */
    public ProviderCall<ServerConsole> console(String id) {
        if (cyclades) {
            return new ProviderCall<>(http.post(SERVER + "/action", id).body(Map.of("console", Map.of("type", "vnc"))).at("console"),
                    post -> post.read(ServerConsole.class));
        }
        if (version.atLeast(2, 6)) {
            return new ProviderCall<>(versioned(http.post(SERVER + "/remote-consoles", id))
                    .body(Map.of("remote_console", Map.of("protocol", "vnc", "type", "novnc"))).at("remote_console"),
                    post -> post.read(ServerConsole.class));
        }
        return new ProviderCall<>(versioned(http.post(SERVER + "/action", id)).body(Map.of("os-getVNCConsole", Map.of("type", "novnc")))
                .at("console"), post -> post.read(ServerConsole.class));
    }

    /**
     * Cyclades' {@code firewallProfile}: the profile ({@code ENABLED}, {@code DISABLED}, {@code PROTECTED}) of one of the
     * server's NICs. Cyclades answers 202 and applies it later.
     */
    public ProviderCall<String> firewallProfile(String id, String profile, String nic) {
        requireCyclades("firewallProfile");
        return ProviderCall.answering(http.post(SERVER + "/action", id)
                .body(Map.of("firewallProfile", Map.of("profile", profile, "nic", nic))), id);
    }

    /** Cyclades' {@code reassign}: the server counted against another of the user's projects. */
    public ProviderCall<String> reassign(String id, String project) {
        requireCyclades("reassign");
        return ProviderCall.answering(http.post(SERVER + "/action", id).body(Map.of("reassign", Map.of("project", project))), id);
    }

    /** Cyclades' {@code GET /servers/{id}/stats}: URLs of the server's CPU and network graphs. */
    public CycladesStats stats(String id) {
        requireCyclades("stats");
        return http.get(SERVER + "/stats", id).at("stats").read(CycladesStats.class);
    }

    /** Cyclades' {@code GET /servers/{id}/diagnostics}: the server's log entries, newest first as Cyclades answers them. */
    public List<CycladesDiagnostic> diagnostics(String id) {
        requireCyclades("diagnostics");
        return List.of(http.get(SERVER + "/diagnostics", id).read(CycladesDiagnostic[].class));   // a bare array, never paged
    }

    private void requireCyclades(String what) {
        if (!cyclades) {
            throw ProviderException.withoutAnswer(http.dialect().provider(), ProviderException.Kind.CONFIGURATION,
                    what + " is Synnefo Cyclades' own; OpenStack's Nova has no such call", null);
        }
    }

    public ProviderCall<String> delete(String id) {
        return ProviderCall.answering(versioned(http.delete(SERVER, id)), id);
    }

    /**
     * Attaches a Cinder volume ({@code POST /servers/{id}/os-volume_attachments}); Nova answers 200 with the device
     * it chose, and the volume goes {@code attaching}, then {@code in-use}.
     */
    public ProviderCall<String> attachVolume(String id, String volumeId) {
        ProviderRequest post = versioned(http.post(SERVER + "/os-volume_attachments", id))
                .body(Map.of("volumeAttachment", Map.of("volumeId", volumeId))).at("volumeAttachment");
        return new ProviderCall<>(post, sent -> sent.read(JsonNode.class).path("device").asText(null));
    }

    /** Detaches it ({@code DELETE /servers/{id}/os-volume_attachments/{volumeId}}, 202); the volume goes {@code detaching}, then {@code available}. */
    public ProviderCall<String> detachVolume(String id, String volumeId) {
        return ProviderCall.answering(versioned(http.delete(SERVER + "/os-volume_attachments/{volume}", id, volumeId)), volumeId);
    }

    /** Every flavor (id and name), to find the one a Server names by name or id. */
    public List<NovaFlavor> flavors() {
        return versioned(http.get("flavors")).at("flavors").list(NovaFlavor.class);
    }

    /** Every flavor with what a server of it gets (vCPUs, RAM, disk), every page. */
    public List<NovaFlavorDetail> flavorDetails() {
        return versioned(http.get("flavors/detail").query("limit", PAGE_SIZE)).at("flavors").list(NovaFlavorDetail.class);
    }

    /** The user's key pairs ({@code GET /os-keypairs}; paged from 2.35). */
    public List<NovaKeyPair> keyPairs() {
        ProviderRequest get = versioned(http.get("os-keypairs"));
        return (version.atLeast(2, 35) ? get.query("limit", PAGE_SIZE) : get).at("keypairs").list(NovaKeyPair.class);
    }

    /** The id of the flavor named {@code nameOrId} (by id first, then by name); null when the cloud has none such. */
    public String flavorId(String nameOrId) {
        List<NovaFlavor> flavors = flavors();
        return flavors.stream().filter(f -> f.id().equals(nameOrId)).findFirst()
                .or(() -> flavors.stream().filter(f -> nameOrId.equals(f.name())).findFirst())
                .map(NovaFlavor::id).orElse(null);
    }

    /** Both headers: {@code OpenStack-API-Version} from 2.27, the older one before. */
    private ProviderRequest versioned(ProviderRequest request) {
        if (cyclades) {
            return request;
        }
        return request.header("OpenStack-API-Version", "compute " + version)
                .header("X-OpenStack-Nova-API-Version", version.toString());
    }
}
