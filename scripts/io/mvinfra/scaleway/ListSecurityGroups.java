package io.mvinfra.scaleway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.SecurityGroup;
import org.meveo.model.customEntities.ServiceProvider;

import io.mvinfra.scaleway.securitygroups.ScalewaySecurityGroup;
import io.mvinfra.scaleway.securitygroups.SecurityGroupMapper;
import io.mvinfra.sync.Reconciliation;

/**
 * ServiceProvider → "List security groups": every group of every zone of the provider, as SecurityGroup entities;
 * nothing changes unless every zone's list arrived whole, and a group gone from Scaleway is marked, not deleted.
 */
public class ListSecurityGroups extends ScalewayButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        ServiceProvider provider = entity(ctx, ServiceProvider.class);
        List<String> zones = zones(provider);
        ScalewayClient scaleway = scaleway(provider);
        List<ScalewaySecurityGroup> listed = new ArrayList<>();
        for (String zone : zones) {
            listed.addAll(scaleway.securityGroups().list(zone));
        }
        ServiceProvider reference = new ServiceProvider(provider.getUuid());
        Reconciliation.Outcome outcome = Reconciliation.byId(SecurityGroup::getProviderSideId, ScalewaySecurityGroup::id)
                .naturalKey(group -> group.getZone() + " " + group.getName(), item -> item.zone() + " " + item.name())
                .create(item -> {
                    SecurityGroup group = new SecurityGroup();
                    group.setProvider(reference);
                    return group;
                })
                .copy(SecurityGroupMapper::copy)
                .markMissing(SecurityGroupMapper::markMissing)
                .run(inZones(findAll(SecurityGroup.class, "provider", provider.getUuid()), SecurityGroup::getZone, zones),
                        listed, this::save);
        message(ctx, "Security groups of %s in %s: %s", provider.getCode(), String.join(", ", zones), outcome.summary());
    }
}
