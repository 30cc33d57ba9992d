package io.mvinfra.providers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.mvinfra.cloudflare.dns.DnsRecordRules;
import io.mvinfra.cloudflare.lockdown.LockdownRuleRules;
import io.mvinfra.scaleway.securitygroups.SecurityRuleRules;
import io.mvinfra.validation.EntityRules;

/**
 * The one place that says which provider's rules an entity template's saves run: template code → its
 * {@link EntityRules}. A provider adds its rules here, and names the same class as the template's
 * {@code crudEventListenerScript} so that Meveo runs them at save too.
 */
public final class EntityRuleSets {

    private static final Map<String, EntityRules<?>> BY_TEMPLATE = index(List.of(
            new DnsRecordRules(),
            new LockdownRuleRules(),
            new SecurityRuleRules()));

    private EntityRuleSets() {
    }

    /** The rules of the template {@code cet}, if a provider declares some. */
    public static Optional<EntityRules<?>> of(String cet) {
        return Optional.ofNullable(BY_TEMPLATE.get(cet));
    }

    /** Every template with rules, by code. */
    public static Map<String, EntityRules<?>> all() {
        return Map.copyOf(BY_TEMPLATE);
    }

    private static Map<String, EntityRules<?>> index(List<EntityRules<?>> rules) {
        Map<String, EntityRules<?>> byTemplate = new LinkedHashMap<>();
        rules.forEach(r -> byTemplate.put(r.entityClass().getSimpleName(), r));
        return byTemplate;
    }
}
