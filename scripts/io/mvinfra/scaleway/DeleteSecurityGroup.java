package io.mvinfra.scaleway;

import java.util.List;
import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.SecurityGroup;
import org.meveo.model.customEntities.SecurityRule;

import io.mvinfra.http.ProviderCall;

/**
 * SecurityGroup → "Delete at Scaleway": the group deleted there (Scaleway refuses while servers use it), then here
 * with its rules, which go with it.
 */
public class DeleteSecurityGroup extends ScalewayButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        SecurityGroup group = entity(ctx, SecurityGroup.class);
        String label = "Security group " + group.getName();
        String id = requireProviderSideId(label, group.getProviderSideId(), "delete the entity itself");
        At at = at("SecurityGroup", label, group.getProvider(), group.getZone());
        ProviderCall<String> delete = at.scaleway().securityGroups().delete(at.zone(), id);
        if (dryRun(ctx)) {
            describeDryRun(ctx, delete);
            return;
        }
        String outcome = sendDelete(delete);
        List<SecurityRule> rules = findAll(SecurityRule.class, "securityGroup", group.getUuid());
        for (SecurityRule rule : rules) {
            remove(rule.getUuid(), SecurityRule.class);
        }
        remove(group.getUuid(), SecurityGroup.class);
        message(ctx, "%s %s (id %s) and removed here%s", label, outcome, id,
                rules.isEmpty() ? "" : ", with its " + rules.size() + (rules.size() == 1 ? " rule" : " rules"));
    }
}
