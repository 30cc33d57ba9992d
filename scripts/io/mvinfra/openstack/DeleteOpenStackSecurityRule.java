package io.mvinfra.openstack;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.SecurityGroup;
import org.meveo.model.customEntities.SecurityRule;

import io.mvinfra.http.ProviderCall;

/** SecurityRule → "Delete on OpenStack": deleted at Neutron (one already gone is as good), then removed here. */
public class DeleteOpenStackSecurityRule extends OpenStackNetworkButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        SecurityRule rule = entity(ctx, SecurityRule.class);
        String id = requireProviderSideId("Security rule", rule.getProviderSideId(), "delete the entity itself");
        SecurityGroup group = groupOf(rule);
        ProviderCall<String> delete = neutron(group).deleteRule(id);
        if (dryRun(ctx)) {
            describeDryRun(ctx, delete);
            return;
        }
        String outcome = sendDelete(delete);
        remove(rule.getUuid(), SecurityRule.class);
        message(ctx, "Security rule %s of %s %s, removed here", id, name(group), outcome);
    }
}
