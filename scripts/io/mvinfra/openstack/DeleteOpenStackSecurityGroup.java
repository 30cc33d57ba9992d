package io.mvinfra.openstack;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.SecurityGroup;
import org.meveo.model.customEntities.SecurityRule;

import io.mvinfra.http.ProviderCall;

/**
 * SecurityGroup → "Delete on OpenStack": deleted at Neutron (which refuses, 409 SecurityGroupInUse, while a port
 * uses it), then removed here with its rules.
 */
public class DeleteOpenStackSecurityGroup extends OpenStackNetworkButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        SecurityGroup group = entity(ctx, SecurityGroup.class);
        String name = name(group);
        String id = requireProviderSideId(name, group.getProviderSideId(), "delete the entity itself");
        ProviderCall<String> delete = neutron(group).deleteSecurityGroup(id);
        if (dryRun(ctx)) {
            describeDryRun(ctx, delete);
            return;
        }
        String outcome = sendDelete(delete);
        int rules = 0;
        for (SecurityRule rule : findAll(SecurityRule.class, "securityGroup", group.getUuid())) {
            remove(rule.getUuid(), SecurityRule.class);
            rules++;
        }
        remove(group.getUuid(), SecurityGroup.class);
        message(ctx, "%s %s (id %s), removed here with its %d rules", name, outcome, id, rules);
    }
}
