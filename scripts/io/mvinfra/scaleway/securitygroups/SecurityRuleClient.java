package io.mvinfra.scaleway.securitygroups;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.mvinfra.http.ProviderCall;
import io.mvinfra.http.ProviderHttp;

/** The rules of a security group ({@code /instance/v1/zones/{zone}/security_groups/{id}/rules}). */
public final class SecurityRuleClient {

    private static final String RULES = "instance/v1/zones/{zone}/security_groups/{security_group_id}/rules";
    private static final String RULE = RULES + "/{security_group_rule_id}";

    private final ProviderHttp http;

    public SecurityRuleClient(ProviderHttp http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    /** Every rule of the group, Scaleway's own (not editable) included, every page. */
    public List<ScalewaySecurityRule> list(String zone, String groupId) {
        return http.get(RULES, zone, groupId).at("rules").list(ScalewaySecurityRule.class);
    }

    public ScalewaySecurityRule get(String zone, String groupId, String ruleId) {
        return http.get(RULE, zone, groupId, ruleId).at("rule").read(ScalewaySecurityRule.class);
    }

    /** Creates a rule; when the answer is lost, a rule filtering the same traffic is looked up before any second send. */
    public ProviderCall<ScalewaySecurityRule> create(String zone, String groupId, SecurityRuleRequest request) {
        return new ProviderCall<>(http.post(RULES, zone, groupId).body(request).at("rule"),
                post -> post.create(ScalewaySecurityRule.class, () -> findCreated(zone, groupId, request)));
    }

    public Optional<ScalewaySecurityRule> findCreated(String zone, String groupId, SecurityRuleRequest request) {
        return list(zone, groupId).stream().filter(request::matches).findFirst();
    }

    /** Replaces the rule as a whole (the spec's SetSecurityGroupRule); a PUT, safe to send again. */
    public ProviderCall<ScalewaySecurityRule> set(String zone, String groupId, String ruleId, SecurityRuleRequest request) {
        return new ProviderCall<>(http.put(RULE, zone, groupId, ruleId).body(request).at("rule"),
                put -> put.read(ScalewaySecurityRule.class));
    }

    public ProviderCall<String> delete(String zone, String groupId, String ruleId) {
        return ProviderCall.answering(http.delete(RULE, zone, groupId, ruleId), ruleId);
    }
}
