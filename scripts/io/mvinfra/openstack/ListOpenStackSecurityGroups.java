package io.mvinfra.openstack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.SecurityGroup;
import org.meveo.model.customEntities.SecurityRule;
import org.meveo.model.customEntities.ServiceProvider;

import io.mvinfra.openstack.network.NetworkMapper;
import io.mvinfra.openstack.network.NeutronSecurityGroup;
import io.mvinfra.openstack.network.NeutronSecurityRule;
import io.mvinfra.sync.Reconciliation;

/**
 * ServiceProvider → "List security groups": every Neutron security group of the credential's project with its
 * rules (Neutron answers them together), as SecurityGroup and SecurityRule entities matched by id; nothing changes
 * unless the whole list arrived, and what Neutron no longer has is marked, not deleted. A rule allowing from another
 * group's members (remote group, as in each project's default group) has no IP range to keep, and is left out.
 */
public class ListOpenStackSecurityGroups extends OpenStackButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        ServiceProvider provider = entity(ctx, ServiceProvider.class);
        List<NeutronSecurityGroup> listed = openstack(provider).networks().securityGroups();
        ServiceProvider reference = new ServiceProvider(provider.getUuid());
        Reconciliation.Outcome groups = Reconciliation.byId(SecurityGroup::getProviderSideId, NeutronSecurityGroup::id)
                .create(item -> {
                    SecurityGroup group = new SecurityGroup();
                    group.setProvider(reference);
                    return group;
                })
                .copy(NetworkMapper::copy)
                .markMissing(NetworkMapper::markMissing)
                .run(findAll(SecurityGroup.class, "provider", provider.getUuid()), listed, this::save);
        Map<String, String> groupUuids = new HashMap<>();
        List<SecurityRule> known = new ArrayList<>();
        for (SecurityGroup group : findAll(SecurityGroup.class, "provider", provider.getUuid())) {
            if (group.getProviderSideId() != null && !group.getProviderSideId().isBlank()) {
                groupUuids.put(group.getProviderSideId(), group.getUuid());
            }
            known.addAll(findAll(SecurityRule.class, "securityGroup", group.getUuid()));
        }
        List<NeutronSecurityRule> all = listed.stream().flatMap(g -> g.securityGroupRules().stream()).toList();
        List<NeutronSecurityRule> rules = all.stream().filter(r -> !NetworkMapper.fromGroup(r)).toList();
        Reconciliation.Outcome ruleOutcome = Reconciliation.byId(SecurityRule::getProviderSideId, NeutronSecurityRule::id)
                .create(item -> {
                    SecurityRule rule = new SecurityRule();
                    rule.setSecurityGroup(new SecurityGroup(groupUuids.get(item.securityGroupId())));
                    return rule;
                })
                .copy(NetworkMapper::copy)
                .markMissing(NetworkMapper::markMissing)
                .run(known, rules, this::save);
        int fromGroups = all.size() - rules.size();
        message(ctx, "Security groups of %s: %s; their rules: %s%s", provider.getCode(), groups.summary(), ruleOutcome.summary(),
                fromGroups == 0 ? "" : "; " + fromGroups + " allowing from another group rather than a range, not stored (a SecurityRule has an IP range)");
    }
}
