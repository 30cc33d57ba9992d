package io.mvinfra.scaleway.securitygroups;

import org.meveo.model.customEntities.SecurityGroup;
import org.meveo.model.customEntities.SecurityRule;
import org.meveo.model.customEntities.ServiceProvider;

import io.mvinfra.validation.RulesAtSave;
import io.mvinfra.validation.Violations;

/**
 * A SecurityRule's rules at save, the ones its Scaleway buttons check at press: protocol, direction, range, ports. A
 * rule of a group another provider serves is left to that provider's buttons: the template is not Scaleway's alone.
 */
public class SecurityRuleRules extends RulesAtSave<SecurityRule> {

    private static final String SCALEWAY = "SCALEWAY";

    public SecurityRuleRules() {
        super(SecurityRule.class);
    }

    @Override
    public void check(SecurityRule rule, References references, Violations problems) {
        String kind = references.find(rule.getSecurityGroup(), SecurityGroup.class)
                .flatMap(group -> references.find(group.getProvider(), ServiceProvider.class))
                .map(ServiceProvider::getKind).orElse(SCALEWAY);
        if (SCALEWAY.equals(kind)) {
            SecurityRuleRequests.check(rule, problems);
        }
    }
}
