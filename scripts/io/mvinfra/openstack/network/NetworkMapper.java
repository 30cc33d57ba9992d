package io.mvinfra.openstack.network;

import java.util.List;
import java.util.Map;

import org.meveo.model.customEntities.SecurityGroup;
import org.meveo.model.customEntities.SecurityRule;
import org.meveo.model.customEntities.ServerNetwork;

import io.mvinfra.sync.FieldChanges;

/** Neutron's networks, security groups and rules written into their entities; each says whether anything changed. */
public final class NetworkMapper {

    private NetworkMapper() {
    }

    /** @param cidrs the CIDRs of the network's subnets, by subnet id (the subnets list) */
    public static boolean copy(ServerNetwork network, NeutronNetwork answer, Map<String, String> cidrs) {
        List<String> ranges = answer.subnets().stream().map(cidrs::get).filter(c -> c != null).toList();
        return new FieldChanges()
                .set(network.getProviderSideId(), answer.id(), network::setProviderSideId)
                .text(network.getName(), answer.name(), network::setName)
                .set(network.getStatus(), answer.status(), network::setStatus)
                .set(network.getShared(), answer.shared(), network::setShared)
                .set(network.getExternal(), answer.external(), network::setExternal)
                .list(network.getSubnet(), answer.subnets(), network::setSubnet)
                .list(network.getCidr(), ranges, network::setCidr)
                .set(network.getCreationDate(), answer.createdAt(), network::setCreationDate)
                .set(network.getLastUpdated(), answer.updatedAt(), network::setLastUpdated)
                .set(network.getMissingAtProvider(), Boolean.FALSE, network::setMissingAtProvider)
                .any();
    }

    public static boolean markMissing(ServerNetwork network) {
        return FieldChanges.markMissing(network.getMissingAtProvider(), network::setMissingAtProvider);
    }

    /** Neutron drops what no rule allows, both ways: the group's default policies say so. */
    public static boolean copy(SecurityGroup group, NeutronSecurityGroup answer) {
        return new FieldChanges()
                .set(group.getProviderSideId(), answer.id(), group::setProviderSideId)
                .text(group.getName(), answer.name(), group::setName)
                .text(group.getDescription(), answer.description(), group::setDescription)
                .text(group.getProject(), answer.projectId(), group::setProject)
                .set(group.getStateful(), answer.stateful(), group::setStateful)
                .set(group.getProjectDefault(), "default".equals(answer.name()), group::setProjectDefault)
                .set(group.getInboundDefaultPolicy(), "drop", group::setInboundDefaultPolicy)
                .set(group.getOutboundDefaultPolicy(), "drop", group::setOutboundDefaultPolicy)
                .list(group.getTags(), answer.tags(), group::setTags)
                .set(group.getCreationDate(), answer.createdAt(), group::setCreationDate)
                .set(group.getLastUpdated(), answer.updatedAt(), group::setLastUpdated)
                .set(group.getMissingAtProvider(), Boolean.FALSE, group::setMissingAtProvider)
                .any();
    }

    public static boolean markMissing(SecurityGroup group) {
        return FieldChanges.markMissing(group.getMissingAtProvider(), group::setMissingAtProvider);
    }

    /**
     * A rule without a remote prefix allows from anywhere of its ethertype: {@code 0.0.0.0/0} or {@code ::/0}. A rule
     * that allows from another group instead ({@link #fromGroup}) has no range to say: it is not kept.
     */
    public static boolean copy(SecurityRule rule, NeutronSecurityRule answer) {
        Long from = answer.portRangeMin() == null ? null : answer.portRangeMin().longValue();
        Long to = answer.portRangeMax() == null ? null : answer.portRangeMax().longValue();
        return new FieldChanges()
                .set(rule.getProviderSideId(), answer.id(), rule::setProviderSideId)
                .set(rule.getDirection(), SecurityRules.direction(answer.direction()), rule::setDirection)
                .set(rule.getProtocol(), SecurityRules.protocol(answer.protocol()), rule::setProtocol)
                .set(rule.getAction(), "accept", rule::setAction)
                .set(rule.getDestPortFrom(), from, rule::setDestPortFrom)
                .set(rule.getDestPortTo(), to, rule::setDestPortTo)
                .text(rule.getIpRange(), answer.remoteIpPrefix() != null ? answer.remoteIpPrefix()
                        : "IPv6".equals(answer.ethertype()) ? "::/0" : "0.0.0.0/0", rule::setIpRange)
                .set(rule.getEditable(), Boolean.TRUE, rule::setEditable)
                .set(rule.getMissingAtProvider(), Boolean.FALSE, rule::setMissingAtProvider)
                .any();
    }

    /** Whether the rule allows from the members of a group rather than from a range (the default group's ingress rules). */
    public static boolean fromGroup(NeutronSecurityRule rule) {
        return rule.remoteGroupId() != null && !rule.remoteGroupId().isBlank();
    }

    public static boolean markMissing(SecurityRule rule) {
        return FieldChanges.markMissing(rule.getMissingAtProvider(), rule::setMissingAtProvider);
    }
}
