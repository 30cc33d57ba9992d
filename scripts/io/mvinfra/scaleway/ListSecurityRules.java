package io.mvinfra.scaleway;

import java.util.List;
import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.SecurityGroup;
import org.meveo.model.customEntities.SecurityRule;

import io.mvinfra.scaleway.securitygroups.ScalewaySecurityRule;
import io.mvinfra.scaleway.securitygroups.SecurityGroupMapper;
import io.mvinfra.sync.Reconciliation;

/**
 * SecurityGroup → "List rules": every rule of the group, Scaleway's own included (not editable), as SecurityRule
 * entities; a rule entered here and created at Scaleway by hand is linked by what it filters, not duplicated.
 */
public class ListSecurityRules extends ScalewayButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        SecurityGroup group = entity(ctx, SecurityGroup.class);
        String label = "Security group " + group.getName();
        String id = requireProviderSideId(label, group.getProviderSideId(), "press 'List security groups' or create it first");
        At at = at("SecurityGroup", label, group.getProvider(), group.getZone());
        List<ScalewaySecurityRule> rules = at.scaleway().securityRules().list(at.zone(), id);
        SecurityGroup reference = new SecurityGroup(group.getUuid());
        Reconciliation.Outcome outcome = Reconciliation.byId(SecurityRule::getProviderSideId, ScalewaySecurityRule::id)
                .naturalKey(SecurityGroupMapper::key, SecurityGroupMapper::key)
                .create(item -> {
                    SecurityRule rule = new SecurityRule();
                    rule.setSecurityGroup(reference);
                    return rule;
                })
                .copy(SecurityGroupMapper::copy)
                .markMissing(SecurityGroupMapper::markMissing)
                .run(findAll(SecurityRule.class, "securityGroup", group.getUuid()), rules, this::save);
        message(ctx, "Rules of security group %s: %s", group.getName(), outcome.summary());
    }
}
