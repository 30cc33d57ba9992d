package io.mvinfra.cloudflare;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.DomainName;
import org.meveo.model.customEntities.LockdownRule;

import io.mvinfra.cloudflare.client.CloudflareLockdownRule;
import io.mvinfra.cloudflare.client.LockdownRuleRequest;
import io.mvinfra.http.ProviderCall;

/** LockdownRule → "Create on Cloudflare": within the zone's limit of active rules, checked here first. */
public class CreateLockdownRule extends CloudflareButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        LockdownRule rule = entity(ctx, LockdownRule.class);
        requireNoProviderSideId("Lockdown rule " + LockdownRules.label(rule), rule.getProviderSideId(), "update it instead");
        DomainName zone = zone(rule.getDomainName(), "LockdownRule " + LockdownRules.label(rule));
        LockdownRuleRequest request = LockdownRuleRequests.of(rule, zone);
        LockdownRuleRequests.checkActiveLimit(rule, zone, findAll(LockdownRule.class, "domainName", zone.getUuid()));
        ProviderCall<CloudflareLockdownRule> create = cloudflare(zone).createLockdownRule(zone.getProviderSideId(), request);
        if (dryRun(ctx)) {
            describeDryRun(ctx, create);
            return;
        }
        CloudflareLockdownRule created = create.send();
        FromCloudflare.copy(rule, created);
        save(rule);
        message(ctx, "Lockdown rule %s created on %s (id %s)", LockdownRules.label(rule), zone.getName(), created.id());
    }
}
