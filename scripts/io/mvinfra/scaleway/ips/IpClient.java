package io.mvinfra.scaleway.ips;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.mvinfra.http.ProviderCall;
import io.mvinfra.http.ProviderHttp;

/** The flexible IPs of the Instance API, zone by zone ({@code /instance/v1/zones/{zone}/ips}). */
public final class IpClient {

    private static final String IPS = "instance/v1/zones/{zone}/ips";
    private static final String IP = IPS + "/{ip}";

    private final ProviderHttp http;

    public IpClient(ProviderHttp http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    public List<ScalewayIp> list(String zone) {
        return http.get(IPS, zone).at("ips").list(ScalewayIp.class);
    }

    public ScalewayIp get(String zone, String id) {
        return http.get(IP, zone, id).at("ip").read(ScalewayIp.class);
    }

    /**
     * Reserves an IP. An IP has no name to look it up by: when the answer is lost, an IP of the same project, type and
     * tags, detached and none of {@code known} (the ones already tracked), is taken for the one reserved before any
     * second send, so a reservation that went through is not billed twice.
     */
    public ProviderCall<ScalewayIp> reserve(String zone, ReserveIpRequest request, Set<String> known) {
        return new ProviderCall<>(http.post(IPS, zone).body(request).at("ip"),
                post -> post.create(ScalewayIp.class, () -> findReserved(zone, request, known)));
    }

    private Optional<ScalewayIp> findReserved(String zone, ReserveIpRequest request, Set<String> known) {
        List<String> tags = request.tags() == null ? List.of() : request.tags();
        return http.get(IPS, zone).query("project", request.project()).at("ips").list(ScalewayIp.class).stream()
                .filter(ip -> !known.contains(ip.id()) && ip.server() == null && request.type().equals(ip.type())
                        && ip.tags().equals(tags))
                .findFirst();
    }

    /** Attaches the IP to a server, in place of the public address it had; setting a value, safe to send again. */
    public ProviderCall<ScalewayIp> attach(String zone, String id, String serverId) {
        return new ProviderCall<>(http.patch(IP, zone, id).body(Map.of("server", serverId)).at("ip").safeToResend(),
                patch -> patch.read(ScalewayIp.class));
    }

    /** Detaches the IP from its server ({@code "server": null}, the spec's NullableStringValue). */
    public ProviderCall<ScalewayIp> detach(String zone, String id) {
        return new ProviderCall<>(http.patch(IP, zone, id).body(JsonNodeFactory.instance.objectNode().putNull("server"))
                .at("ip").safeToResend(), patch -> patch.read(ScalewayIp.class));
    }

    /** Releases the IP: Scaleway stops billing it and may give the address to someone else. */
    public ProviderCall<String> release(String zone, String id) {
        return ProviderCall.answering(http.delete(IP, zone, id), id);
    }
}
