package io.mvinfra.scaleway;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.SecurityRule;

import io.mvinfra.http.ProviderCall;
import io.mvinfra.scaleway.securitygroups.ScalewaySecurityRule;
import io.mvinfra.scaleway.securitygroups.SecurityGroupMapper;
import io.mvinfra.scaleway.securitygroups.SecurityRuleRequest;
import io.mvinfra.scaleway.securitygroups.SecurityRuleRequests;

/** SecurityRule → "Create at Scaleway": the rule added to its group, the entity then holding Scaleway's answer. */
public class CreateSecurityRule extends SecurityRuleButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        SecurityRule rule = entity(ctx, SecurityRule.class);
        requireNoProviderSideId("Security rule", rule.getProviderSideId(), "update it instead");
        SecurityRuleRequest request = SecurityRuleRequests.of(rule);
        Group group = group(rule);
        ProviderCall<ScalewaySecurityRule> create = group.at().scaleway().securityRules().create(group.at().zone(), group.id(), request);
        if (dryRun(ctx)) {
            describeDryRun(ctx, create);
            return;
        }
        ScalewaySecurityRule created = create.send();
        SecurityGroupMapper.copy(rule, created);
        save(rule);
        message(ctx, "Rule %s created in %s at position %s (id %s)", request.summary(), group.label(), created.position(), created.id());
    }
}
