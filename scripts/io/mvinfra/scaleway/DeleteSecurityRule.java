package io.mvinfra.scaleway;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.SecurityRule;

import io.mvinfra.http.ProviderCall;

/** SecurityRule → "Delete at Scaleway": the rule deleted from its group there, then the entity here. */
public class DeleteSecurityRule extends SecurityRuleButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        SecurityRule rule = entity(ctx, SecurityRule.class);
        String id = requireProviderSideId("Security rule", rule.getProviderSideId(), "delete the entity itself");
        requireEditable(rule.getEditable(), id, "deleted");
        Group group = group(rule);
        ProviderCall<String> delete = group.at().scaleway().securityRules().delete(group.at().zone(), group.id(), id);
        if (dryRun(ctx)) {
            describeDryRun(ctx, delete);
            return;
        }
        String outcome = sendDelete(delete);
        remove(rule.getUuid(), SecurityRule.class);
        message(ctx, "Security rule %s of %s %s and removed here", id, group.label(), outcome);
    }
}
