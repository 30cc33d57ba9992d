package io.mvinfra.scaleway;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.SecurityGroup;

import io.mvinfra.http.ProviderCall;
import io.mvinfra.scaleway.securitygroups.ScalewaySecurityGroup;
import io.mvinfra.scaleway.securitygroups.SecurityGroupMapper;
import io.mvinfra.scaleway.securitygroups.SecurityGroupRequests;
import io.mvinfra.scaleway.securitygroups.SetSecurityGroupRequest;

/**
 * SecurityGroup → "Update at Scaleway": name, description, tags, policies, stateful and project default as the entity
 * says. Scaleway's update replaces the whole group, so the group is read first and what only Scaleway sets is sent
 * back as it is; when nothing differs, nothing is sent.
 */
public class UpdateSecurityGroup extends ScalewayButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        SecurityGroup group = entity(ctx, SecurityGroup.class);
        String label = "Security group " + group.getName();
        String id = requireProviderSideId(label, group.getProviderSideId(), "create it first");
        SecurityGroupRequests.Settings settings = SecurityGroupRequests.update(group);
        At at = at("SecurityGroup", label, group.getProvider(), group.getZone());
        ScalewaySecurityGroup current = current(() -> at.scaleway().securityGroups().get(at.zone(), id), label, id,
                "press 'List security groups' on its provider, or delete it here");
        SetSecurityGroupRequest wanted = settings.over(current);
        if (wanted.equals(SetSecurityGroupRequest.of(current))) {
            message(ctx, "%s%s already matches Scaleway: nothing to send", dryRun(ctx) ? "Dry run: " : "", label);
            return;
        }
        ProviderCall<ScalewaySecurityGroup> update = at.scaleway().securityGroups().set(at.zone(), id, wanted);
        if (dryRun(ctx)) {
            describeDryRun(ctx, update);
            return;
        }
        ScalewaySecurityGroup updated = update.send();
        SecurityGroupMapper.copy(group, updated);
        save(group);
        message(ctx, "Security group %s updated (id %s)", updated.name(), updated.id());
    }
}
