package io.mvinfra.scaleway.securitygroups;

import org.meveo.model.customEntities.SecurityRule;

import io.mvinfra.validation.RulesAtSave;
import io.mvinfra.validation.Violations;

/** A SecurityRule's rules at save, the ones its Scaleway buttons check at press: protocol, direction, range, ports. */
public class SecurityRuleRules extends RulesAtSave<SecurityRule> {

    public SecurityRuleRules() {
        super(SecurityRule.class);
    }

    @Override
    public void check(SecurityRule rule, References references, Violations problems) {
        SecurityRuleRequests.check(rule, problems);
    }
}
