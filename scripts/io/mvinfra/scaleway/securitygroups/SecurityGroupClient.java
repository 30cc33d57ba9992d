package io.mvinfra.scaleway.securitygroups;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.mvinfra.http.ProviderCall;
import io.mvinfra.http.ProviderHttp;

/** The security groups of the Instance API, zone by zone ({@code /instance/v1/zones/{zone}/security_groups}). */
public final class SecurityGroupClient {

    private static final String GROUPS = "instance/v1/zones/{zone}/security_groups";
    private static final String GROUP = GROUPS + "/{security_group_id}";

    private final ProviderHttp http;

    public SecurityGroupClient(ProviderHttp http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    /** Every group of the zone, every page, or a failure: never part of the list. */
    public List<ScalewaySecurityGroup> list(String zone) {
        return http.get(GROUPS, zone).at("security_groups").list(ScalewaySecurityGroup.class);
    }

    public ScalewaySecurityGroup get(String zone, String id) {
        return http.get(GROUP, zone, id).at("security_group").read(ScalewaySecurityGroup.class);
    }

    /**
     * Creates a group. When the answer is lost, a group of the same name in the same project is looked up before any
     * second send (Scaleway has no idempotency key), so a create that went through is not duplicated.
     */
    public ProviderCall<ScalewaySecurityGroup> create(String zone, CreateSecurityGroupRequest request) {
        return new ProviderCall<>(http.post(GROUPS, zone).body(request).at("security_group"),
                post -> post.create(ScalewaySecurityGroup.class, () -> findCreated(zone, request)));
    }

    /** The group {@code request} would have created: same name (Scaleway's filter is a prefix match) and project. */
    public Optional<ScalewaySecurityGroup> findCreated(String zone, CreateSecurityGroupRequest request) {
        return http.get(GROUPS, zone).query("name", request.name()).query("project", request.project())
                .at("security_groups").list(ScalewaySecurityGroup.class).stream()
                .filter(g -> request.name().equals(g.name()))
                .findFirst();
    }

    /** Replaces the group as a whole (the spec's SetSecurityGroup); a PUT, safe to send again. */
    public ProviderCall<ScalewaySecurityGroup> set(String zone, String id, SetSecurityGroupRequest request) {
        return new ProviderCall<>(http.put(GROUP, zone, id).body(request).at("security_group"),
                put -> put.read(ScalewaySecurityGroup.class));
    }

    /** Deletes a group; Scaleway refuses one servers still use. */
    public ProviderCall<String> delete(String zone, String id) {
        return ProviderCall.answering(http.delete(GROUP, zone, id), id);
    }
}
