package io.mvinfra.openstack;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.SecurityGroup;
import org.meveo.model.customEntities.SecurityRule;

import io.mvinfra.http.ProviderCall;
import io.mvinfra.openstack.network.NetworkMapper;
import io.mvinfra.openstack.network.NeutronSecurityRule;
import io.mvinfra.openstack.network.SecurityRules;

/**
 * SecurityRule → "Create on OpenStack": the rule (direction, protocol, port range, IP range; Neutron rules allow
 * only) in its group at Neutron, its id kept.
 */
public class CreateOpenStackSecurityRule extends OpenStackNetworkButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        SecurityRule rule = entity(ctx, SecurityRule.class);
        requireNoProviderSideId("Security rule", rule.getProviderSideId(), "delete it first to change it");
        SecurityGroup group = groupOf(rule);
        String groupId = requireProviderSideId(name(group), group.getProviderSideId(), "create the group first");
        NeutronSecurityRule request = SecurityRules.create(rule, groupId);
        ProviderCall<NeutronSecurityRule> create = neutron(group).createRule(request);
        if (dryRun(ctx)) {
            describeDryRun(ctx, create);
            return;
        }
        NeutronSecurityRule created = create.send();
        NetworkMapper.copy(rule, created);
        saveDurably(rule);
        message(ctx, "Security rule %s %s%s from %s created in %s (id %s)", rule.getDirection(), rule.getProtocol(),
                created.portRangeMin() == null ? "" : " " + created.portRangeMin() + "-" + created.portRangeMax(),
                created.remoteIpPrefix() == null ? "anywhere" : created.remoteIpPrefix(), name(group), created.id());
    }
}
