package io.mvinfra.openstack;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.SecurityGroup;
import org.meveo.model.customEntities.SecurityRule;
import org.meveo.model.customEntities.ServiceProvider;

import io.mvinfra.openstack.network.NetworkClient;

/** What the SecurityGroup and SecurityRule buttons share: the group's provider (OPENSTACK or OVH) and its Neutron. */
public abstract class OpenStackNetworkButton extends OpenStackButton {

    protected static String name(SecurityGroup group) {
        return "Security group " + (group.getName() == null || group.getName().isBlank() ? group.getUuid() : group.getName().strip());
    }

    protected NetworkClient neutron(SecurityGroup group) throws BusinessException {
        if (group.getProvider() == null) {
            throw new BusinessException(name(group) + ": provider is empty; give the OpenStack ServiceProvider it belongs to");
        }
        return openstack(resolve(group.getProvider(), ServiceProvider.class, name(group) + ": provider")).networks();
    }

    /** The rule's group, required: a rule is made in a group, at the group's provider. */
    protected SecurityGroup groupOf(SecurityRule rule) throws BusinessException {
        if (rule.getSecurityGroup() == null || rule.getSecurityGroup().getUuid() == null || rule.getSecurityGroup().getUuid().isBlank()) {
            throw new BusinessException("SecurityRule.securityGroup: is empty; give the security group the rule belongs to");
        }
        return resolve(rule.getSecurityGroup(), SecurityGroup.class, "SecurityRule: securityGroup");
    }
}
