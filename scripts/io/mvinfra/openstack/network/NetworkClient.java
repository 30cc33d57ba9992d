package io.mvinfra.openstack.network;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.mvinfra.http.ProviderCall;
import io.mvinfra.http.ProviderHttp;

/**
 * Neutron v2.0: networks, subnets, security groups and their rules. Catalogs give Neutron's root
 * ({@code http://…:9696}) or, on some clouds, the {@code v2.0} URL itself; both are taken.
 */
public final class NetworkClient {

    /** Neutron pages with limit/marker when asked; a page as large as the others' keeps round trips few. */
    public static final int PAGE_SIZE = 1000;

    private final ProviderHttp http;
    private final String prefix;

    private NetworkClient(ProviderHttp http, String prefix) {
        this.http = Objects.requireNonNull(http, "http");
        this.prefix = prefix;
    }

    public static NetworkClient at(ProviderHttp http) {
        List<String> segments = http.baseUrl().pathSegments().stream().filter(s -> !s.isEmpty()).toList();
        boolean versioned = !segments.isEmpty() && segments.get(segments.size() - 1).equals("v2.0");
        return new NetworkClient(http, versioned ? "" : "v2.0/");
    }

    /** Every network the project sees (its own, shared and external ones), every page. */
    public List<NeutronNetwork> networks() {
        return http.get(prefix + "networks").query("limit", PAGE_SIZE).at("networks").list(NeutronNetwork.class);
    }

    public List<NeutronSubnet> subnets() {
        return http.get(prefix + "subnets").query("limit", PAGE_SIZE).at("subnets").list(NeutronSubnet.class);
    }

    /** The project's security groups, each with its rules. */
    public List<NeutronSecurityGroup> securityGroups() {
        return http.get(prefix + "security-groups").query("limit", PAGE_SIZE).at("security_groups").list(NeutronSecurityGroup.class);
    }

    public NeutronSecurityGroup securityGroup(String id) {
        return http.get(prefix + "security-groups/{id}", id).at("security_group").read(NeutronSecurityGroup.class);
    }

    /**
     * Creates a security group; Neutron gives it its two egress rules (IPv4 and IPv6 anywhere). Names need not be
     * unique at Neutron, so after a doubt the group is looked up by name and description before any second send.
     */
    public ProviderCall<NeutronSecurityGroup> createSecurityGroup(String name, String description) {
        Map<String, Object> group = description == null ? Map.of("name", name) : Map.of("name", name, "description", description);
        return new ProviderCall<>(http.post(prefix + "security-groups").body(Map.of("security_group", group)).at("security_group"),
                post -> post.create(NeutronSecurityGroup.class, () -> securityGroups().stream()
                        .filter(g -> name.equals(g.name()) && Objects.equals(description == null ? "" : description, g.description()))
                        .findFirst()));
    }

    public ProviderCall<String> deleteSecurityGroup(String id) {
        return ProviderCall.answering(http.delete(prefix + "security-groups/{id}", id), id);
    }

    /**
     * Creates a rule. Neutron refuses a rule equal to one the group has (409 SecurityGroupRuleExists), so a create
     * sent twice after a doubt is looked up rather than duplicated.
     */
    public ProviderCall<NeutronSecurityRule> createRule(NeutronSecurityRule rule) {
        return new ProviderCall<>(http.post(prefix + "security-group-rules").body(Map.of("security_group_rule", rule))
                .at("security_group_rule"),
                post -> post.create(NeutronSecurityRule.class, () -> securityGroup(rule.securityGroupId()).securityGroupRules().stream()
                        .filter(r -> sameRule(r, rule)).findFirst()));
    }

    public ProviderCall<String> deleteRule(String id) {
        return ProviderCall.answering(http.delete(prefix + "security-group-rules/{id}", id), id);
    }

    private static boolean sameRule(NeutronSecurityRule a, NeutronSecurityRule b) {
        return Objects.equals(a.direction(), b.direction()) && Objects.equals(a.ethertype(), b.ethertype())
                && Objects.equals(a.protocol(), b.protocol()) && Objects.equals(a.portRangeMin(), b.portRangeMin())
                && Objects.equals(a.portRangeMax(), b.portRangeMax()) && Objects.equals(a.remoteIpPrefix(), b.remoteIpPrefix());
    }
}
