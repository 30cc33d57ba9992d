package io.mvinfra.cloudflare.lockdown;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

import io.mvinfra.http.ProviderCall;
import io.mvinfra.http.ProviderHttp;

/** The Zone Lockdown rules of a Cloudflare zone. */
public final class LockdownRuleClient {

    /** The largest page the lockdown list accepts (maximum of per_page in cloudflare.yaml). */
    static final int LOCKDOWN_RULES_PER_PAGE = 1000;

    private final ProviderHttp http;

    public LockdownRuleClient(ProviderHttp http) {
        this.http = http;
    }

    public List<CloudflareLockdownRule> list(String zoneId) {
        return http.get("zones/{zone_identifier}/firewall/lockdowns", zoneId).query("per_page", LOCKDOWN_RULES_PER_PAGE)
                .list(CloudflareLockdownRule.class);
    }

    /** Creates a rule; after a lost answer, a rule with the same URLs, sources and description is looked up first. */
    public ProviderCall<CloudflareLockdownRule> create(String zoneId, LockdownRuleRequest request) {
        return new ProviderCall<>(http.post("zones/{zone_identifier}/firewall/lockdowns", zoneId).body(request),
                post -> post.create(CloudflareLockdownRule.class, () -> list(zoneId).stream()
                        .filter(rule -> sameRule(request, rule)).findFirst()));
    }

    /** Replaces the rule with {@code request} (Cloudflare's update is a PUT of the whole rule). */
    public ProviderCall<CloudflareLockdownRule> update(String zoneId, String ruleId, LockdownRuleRequest request) {
        return new ProviderCall<>(http.put("zones/{zone_identifier}/firewall/lockdowns/{id}", zoneId, ruleId).body(request),
                put -> put.read(CloudflareLockdownRule.class));
    }

    /** Deletes a rule; the call answers the id deleted. */
    public ProviderCall<String> delete(String zoneId, String ruleId) {
        return ProviderCall.answering(http.delete("zones/{zone_identifier}/firewall/lockdowns/{id}", zoneId, ruleId), ruleId);
    }

    static boolean sameRule(LockdownRuleRequest wanted, CloudflareLockdownRule found) {
        return new HashSet<>(wanted.urls()).equals(new HashSet<>(found.urls()))
                && new HashSet<>(wanted.configurations()).equals(new HashSet<>(found.configurations()))
                && Objects.equals(blankToNull(wanted.description()), blankToNull(found.description()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
