package io.mvinfra.cloudflare;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.DomainName;
import org.meveo.model.customEntities.LockdownRule;

import io.mvinfra.cloudflare.client.CloudflareLockdownRule;
import io.mvinfra.cloudflare.client.LockdownRuleRequest;
import io.mvinfra.http.ProviderCall;

/**
 * LockdownRule → "Update on Cloudflare": the rule replaced by the entity's (Cloudflare's update is a PUT of the whole
 * rule); an un-pause stays within the zone's limit of active rules.
 */
public class UpdateLockdownRule extends CloudflareButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        LockdownRule rule = entity(ctx, LockdownRule.class);
        String id = requireProviderSideId("Lockdown rule " + LockdownRules.label(rule), rule.getProviderSideId(), "create it first");
        DomainName zone = zone(rule.getDomainName(), "LockdownRule " + LockdownRules.label(rule));
        LockdownRuleRequest request = LockdownRuleRequests.of(rule, zone);
        LockdownRuleRequests.checkActiveLimit(rule, zone, findAll(LockdownRule.class, "domainName", zone.getUuid()));
        ProviderCall<CloudflareLockdownRule> update = cloudflare(zone).updateLockdownRule(zone.getProviderSideId(), id, request);
        if (dryRun(ctx)) {
            describeDryRun(ctx, update);
            return;
        }
        CloudflareLockdownRule updated = update.send();
        FromCloudflare.copy(rule, updated);
        save(rule);
        message(ctx, "Lockdown rule %s updated (id %s)", LockdownRules.label(rule), updated.id());
    }
}
