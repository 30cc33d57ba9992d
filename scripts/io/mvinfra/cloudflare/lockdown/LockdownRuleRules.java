package io.mvinfra.cloudflare.lockdown;

import org.meveo.model.customEntities.DomainName;
import org.meveo.model.customEntities.LockdownRule;

import io.mvinfra.validation.RulesAtSave;
import io.mvinfra.validation.Violations;

/**
 * A LockdownRule's rules at save, the ones its Cloudflare buttons check at press: URLs on hosts of its zone,
 * addresses and ranges Cloudflare takes, the description's length. The zone's limit of active rules depends on the
 * other rules at Cloudflare, so it stays a press's check.
 */
public class LockdownRuleRules extends RulesAtSave<LockdownRule> {

    public LockdownRuleRules() {
        super(LockdownRule.class);
    }

    @Override
    public void check(LockdownRule rule, References references, Violations problems) {
        references.find(rule.getDomainName(), DomainName.class)
                .ifPresent(zone -> LockdownRuleRequests.check(rule, zone, problems));
    }
}
