package io.mvinfra.scaleway;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.SecurityGroup;

import io.mvinfra.http.ProviderCall;
import io.mvinfra.scaleway.securitygroups.CreateSecurityGroupRequest;
import io.mvinfra.scaleway.securitygroups.ScalewaySecurityGroup;
import io.mvinfra.scaleway.securitygroups.SecurityGroupMapper;
import io.mvinfra.scaleway.securitygroups.SecurityGroupRequests;

/** SecurityGroup → "Create at Scaleway": the group created in its zone, the entity then holding Scaleway's answer. */
public class CreateSecurityGroup extends ScalewayButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        SecurityGroup group = entity(ctx, SecurityGroup.class);
        String label = "Security group " + group.getName();
        requireNoProviderSideId(label, group.getProviderSideId(), "update it instead");
        At at = at("SecurityGroup", label, group.getProvider(), group.getZone());
        CreateSecurityGroupRequest request = SecurityGroupRequests.create(group, credentialProject(at.provider()));
        ProviderCall<ScalewaySecurityGroup> create = at.scaleway().securityGroups().create(at.zone(), request);
        if (dryRun(ctx)) {
            describeDryRun(ctx, create);
            return;
        }
        ScalewaySecurityGroup created = create.send();
        SecurityGroupMapper.copy(group, created);
        save(group);
        message(ctx, "Security group %s created in %s (id %s)", created.name(), at.zone(), created.id());
    }
}
