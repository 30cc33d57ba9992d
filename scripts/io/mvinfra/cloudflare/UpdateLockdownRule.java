package io.mvinfra.cloudflare;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.DomainName;
import org.meveo.model.customEntities.LockdownRule;

import io.mvinfra.cloudflare.lockdown.CloudflareLockdownRule;
import io.mvinfra.cloudflare.lockdown.LockdownRuleMapper;
import io.mvinfra.cloudflare.lockdown.LockdownRuleRequest;
import io.mvinfra.cloudflare.lockdown.LockdownRuleRequests;
import io.mvinfra.cloudflare.lockdown.LockdownRules;
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
        ProviderCall<CloudflareLockdownRule> update = cloudflare(zone).lockdownRules().update(zone.getProviderSideId(), id, request);
        if (dryRun(ctx)) {
            describeDryRun(ctx, update);
            return;
        }
        CloudflareLockdownRule updated = update.send();
        LockdownRuleMapper.copy(rule, updated);
        save(rule);
        message(ctx, "Lockdown rule %s updated (id %s)", LockdownRules.label(rule), updated.id());
    }
}
