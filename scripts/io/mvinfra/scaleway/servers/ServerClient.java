package io.mvinfra.scaleway.servers;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.mvinfra.http.ProviderCall;
import io.mvinfra.http.ProviderHttp;

/** The servers of the Instance API, zone by zone ({@code /instance/v1/zones/{zone}/servers}). */
public final class ServerClient {

    private static final String SERVERS = "instance/v1/zones/{zone}/servers";
    private static final String SERVER = "instance/v1/zones/{zone}/servers/{server_id}";

    private final ProviderHttp http;

    public ServerClient(ProviderHttp http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    /** Every server of the zone, every page, or a failure: never part of the list. */
    public List<ScalewayServer> list(String zone) {
        return http.get(SERVERS, zone).at("servers").list(ScalewayServer.class);
    }

    public ScalewayServer get(String zone, String id) {
        return http.get(SERVER, zone, id).at("server").read(ScalewayServer.class);
    }

    /**
     * Creates a server. Scaleway has no idempotency key: when the answer is lost, a server of the same name and
     * tags is looked up before any second send, so a create that went through is not duplicated.
     */
    public ProviderCall<ScalewayServer> create(String zone, CreateServerRequest request) {
        return new ProviderCall<>(http.post(SERVERS, zone).body(request).at("server"),
                post -> post.create(ScalewayServer.class, () -> findCreated(zone, request)));
    }

    /** The server {@code request} would have created: same name, type and tags (Scaleway's name filter is a prefix match). */
    public Optional<ScalewayServer> findCreated(String zone, CreateServerRequest request) {
        List<String> tags = request.tags() == null ? List.of() : request.tags();
        return http.get(SERVERS, zone).query("name", request.name()).at("servers").list(ScalewayServer.class).stream()
                .filter(s -> request.name().equals(s.name()) && Objects.equals(request.commercialType(), s.commercialType())
                        && s.tags().containsAll(tags))
                .findFirst();
    }

    /** Setting fields to values: sending it twice leaves the server as sending it once, so it is safe to retry. */
    public ProviderCall<ScalewayServer> update(String zone, String id, UpdateServerRequest request) {
        if (request.isEmpty()) {
            throw new IllegalArgumentException("an update of server " + id + " without any change");
        }
        return new ProviderCall<>(http.patch(SERVER, zone, id).body(request).at("server").safeToResend(),
                patch -> patch.read(ScalewayServer.class));
    }

    /** A power action, or a backup named {@code backupName}; the answer is the task Scaleway started. */
    public ProviderCall<ScalewayTask> action(String zone, String id, ServerAction action, String backupName) {
        Map<String, Object> body = backupName == null ? Map.of("action", action.code())
                : Map.of("action", action.code(), "name", backupName);
        return new ProviderCall<>(http.post(SERVER + "/action", zone, id).body(body).at("task"),
                post -> post.read(ScalewayTask.class));
    }

    /** Deletes a stopped server; its volumes stay (terminate removes them with it). */
    public ProviderCall<String> delete(String zone, String id) {
        return ProviderCall.answering(http.delete(SERVER, zone, id), id);
    }
}
