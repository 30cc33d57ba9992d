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

/** LockdownRule → "Create on Cloudflare": within the zone's limit of active rules, checked here first. */
public class CreateLockdownRule extends CloudflareButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        LockdownRule rule = entity(ctx, LockdownRule.class);
        requireNoProviderSideId("Lockdown rule " + LockdownRules.label(rule), rule.getProviderSideId(), "update it instead");
        DomainName zone = zone(rule.getDomainName(), "LockdownRule " + LockdownRules.label(rule));
        LockdownRuleRequest request = LockdownRuleRequests.of(rule, zone);
        LockdownRuleRequests.checkActiveLimit(rule, zone, findAll(LockdownRule.class, "domainName", zone.getUuid()));
        ProviderCall<CloudflareLockdownRule> create = cloudflare(zone).lockdownRules().create(zone.getProviderSideId(), request);
        if (dryRun(ctx)) {
            describeDryRun(ctx, create);
            return;
        }
        CloudflareLockdownRule created = create.send();
        LockdownRuleMapper.copy(rule, created);
        save(rule);
        message(ctx, "Lockdown rule %s created on %s (id %s)", LockdownRules.label(rule), zone.getName(), created.id());
    }
}
