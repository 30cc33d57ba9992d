package io.mvinfra.scaleway;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.SecurityGroup;
import org.meveo.model.customEntities.SecurityRule;

/** What the buttons of a SecurityRule share: the rule's group, which must be at Scaleway, and where it lives. */
public abstract class SecurityRuleButton extends ScalewayButton {

    /** A rule's group at Scaleway: the entity, its Scaleway id, its provider and zone. */
    protected record Group(SecurityGroup entity, String id, At at) {
        public String label() {
            return "security group " + entity.getName();
        }
    }

    protected Group group(SecurityRule rule) throws BusinessException {
        SecurityGroup group = resolve(rule.getSecurityGroup(), SecurityGroup.class, "SecurityRule.securityGroup");
        String label = "Security group " + group.getName();
        String id = requireProviderSideId(label, group.getProviderSideId(), "create it at Scaleway first");
        return new Group(group, id, at("SecurityGroup", label, group.getProvider(), group.getZone()));
    }

    /** Scaleway's own rules (SMTP blocked) come with every group and cannot change. */
    protected static void requireEditable(Boolean editable, String id, String what) throws BusinessException {
        if (Boolean.FALSE.equals(editable)) {
            throw new BusinessException("Security rule " + id + " is one of Scaleway's own (editable: false): it cannot be " + what);
        }
    }
}
