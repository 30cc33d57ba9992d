package io.mvinfra.openstack;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.SecurityGroup;
import org.meveo.model.customEntities.SecurityRule;

import io.mvinfra.http.ProviderCall;

/**
 * SecurityGroup → "Delete on OpenStack": deleted at Neutron (which refuses, 409 SecurityGroupInUse, while a port
 * uses it), then removed here with its rules; a group another entity still refers to is kept, marked missing.
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
        String here;
        try {
            remove(group.getUuid(), SecurityGroup.class);
            here = "removed here with its " + rules + " rules";
        } catch (BusinessException stillReferenced) {
            // Neutron has deleted it: the entity must not go on saying it is there
            SecurityGroup marked = new SecurityGroup(group.getUuid());
            marked.setMissingAtProvider(Boolean.TRUE);
            marked.setProviderSideId("");
            save(marked);
            here = "its " + rules + " rules removed here, the group kept, marked missing at OpenStack (" + stillReferenced.getMessage() + ")";
        }
        message(ctx, "%s %s (id %s), %s", name, outcome, id, here);
    }
}
