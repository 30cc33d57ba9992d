package io.mvinfra.scaleway;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.SecurityRule;

import io.mvinfra.http.ProviderCall;
import io.mvinfra.scaleway.securitygroups.ScalewaySecurityRule;
import io.mvinfra.scaleway.securitygroups.SecurityGroupMapper;
import io.mvinfra.scaleway.securitygroups.SecurityRuleRequest;
import io.mvinfra.scaleway.securitygroups.SecurityRuleRequests;

/**
 * SecurityRule → "Update at Scaleway": the rule replaced by what the entity says (Scaleway's update takes the rule
 * whole), in its place unless the entity names another; nothing is sent when nothing differs.
 */
public class UpdateSecurityRule extends SecurityRuleButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        SecurityRule rule = entity(ctx, SecurityRule.class);
        String id = requireProviderSideId("Security rule", rule.getProviderSideId(), "create it first");
        requireEditable(rule.getEditable(), id, "changed");
        SecurityRuleRequest wanted = SecurityRuleRequests.of(rule);
        Group group = group(rule);
        String zone = group.at().zone();
        ScalewaySecurityRule current = current(() -> group.at().scaleway().securityRules().get(zone, group.id(), id),
                "Security rule " + wanted.summary(), id, "press 'List rules' on " + group.label() + ", or delete it here");
        requireEditable(current.isEditable(), id, "changed");
        if (wanted.sameAs(current)) {
            message(ctx, "%sRule %s already matches Scaleway: nothing to send", dryRun(ctx) ? "Dry run: " : "", wanted.summary());
            return;
        }
        ProviderCall<ScalewaySecurityRule> update = group.at().scaleway().securityRules().set(zone, group.id(), id, wanted.replacing(current));
        if (dryRun(ctx)) {
            describeDryRun(ctx, update);
            return;
        }
        ScalewaySecurityRule updated = update.send();
        SecurityGroupMapper.copy(rule, updated);
        save(rule);
        message(ctx, "Rule %s updated in %s (id %s)", wanted.summary(), group.label(), updated.id());
    }
}
