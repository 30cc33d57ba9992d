package io.mvinfra.cloudflare;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.DomainName;
import org.meveo.model.customEntities.LockdownRule;

import io.mvinfra.cloudflare.lockdown.LockdownRules;
import io.mvinfra.http.ProviderCall;

/** LockdownRule → "Delete on Cloudflare": the rule deleted there, then the entity here. */
public class DeleteLockdownRule extends CloudflareButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        LockdownRule rule = entity(ctx, LockdownRule.class);
        String id = requireProviderSideId("Lockdown rule " + LockdownRules.label(rule), rule.getProviderSideId(), "create it first");
        DomainName zone = zone(rule.getDomainName(), "LockdownRule " + LockdownRules.label(rule));
        ProviderCall<String> delete = cloudflare(zone).lockdownRules().delete(zone.getProviderSideId(), id);
        if (dryRun(ctx)) {
            describeDryRun(ctx, delete);
            return;
        }
        String outcome = sendDelete(delete);
        remove(rule.getUuid(), LockdownRule.class);
        message(ctx, "Lockdown rule %s %s (id %s) and removed here", LockdownRules.label(rule), outcome, id);
    }
}
