package io.mvinfra.openstack;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.SecurityGroup;
import org.meveo.model.customEntities.SecurityRule;

import io.mvinfra.http.ProviderCall;
import io.mvinfra.openstack.network.NetworkMapper;
import io.mvinfra.openstack.network.NeutronSecurityGroup;
import io.mvinfra.openstack.network.NeutronSecurityRule;
import io.mvinfra.validation.Violations;

/**
 * SecurityGroup → "Create on OpenStack": a Neutron security group of the group's name and description; the egress
 * rules Neutron gives every new group are kept as its SecurityRules.
 */
public class CreateOpenStackSecurityGroup extends OpenStackNetworkButton {

    /** Neutron's column for names and descriptions. */
    static final int MAX_NAME = 255;

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        SecurityGroup group = entity(ctx, SecurityGroup.class);
        String name = name(group);
        requireNoProviderSideId(name, group.getProviderSideId(), "delete it first to make another");
        Violations problems = new Violations("SecurityGroup");
        if (group.getName() == null || group.getName().isBlank()) {
            problems.add("name", "is required");
        } else if (group.getName().strip().length() > MAX_NAME) {
            problems.add("name", "is " + group.getName().strip().length() + " characters long; Neutron takes at most " + MAX_NAME);
        } else if (group.getName().strip().equals("default")) {
            problems.add("name", "default is the name of the group Neutron makes for every project itself");
        }
        if (group.getDescription() != null && group.getDescription().length() > MAX_NAME) {
            problems.add("description", "is " + group.getDescription().length() + " characters long; Neutron takes at most " + MAX_NAME);
        }
        problems.throwIfAny();
        ProviderCall<NeutronSecurityGroup> create = neutron(group).createSecurityGroup(group.getName().strip(),
                group.getDescription() == null || group.getDescription().isBlank() ? null : group.getDescription());
        if (dryRun(ctx)) {
            describeDryRun(ctx, create);
            return;
        }
        NeutronSecurityGroup created = create.send();
        NetworkMapper.copy(group, created);
        saveDurably(group);
        for (NeutronSecurityRule given : created.securityGroupRules().stream().filter(r -> !NetworkMapper.fromGroup(r)).toList()) {
            SecurityRule rule = new SecurityRule();
            rule.setSecurityGroup(new SecurityGroup(group.getUuid()));
            NetworkMapper.copy(rule, given);
            save(rule);
        }
        message(ctx, "%s created at OpenStack (id %s) with Neutron's %d default rules", name, created.id(), created.securityGroupRules().size());
    }
}
