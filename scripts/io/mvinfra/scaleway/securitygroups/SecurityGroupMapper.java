package io.mvinfra.scaleway.securitygroups;

import java.util.Objects;

import org.meveo.model.customEntities.SecurityGroup;
import org.meveo.model.customEntities.SecurityRule;

import io.mvinfra.net.IpRange;
import io.mvinfra.scaleway.ServerSummary;
import io.mvinfra.sync.FieldChanges;

/** A Scaleway security group or rule written into its entity; says whether anything changed. */
public final class SecurityGroupMapper {

    private SecurityGroupMapper() {
    }

    public static boolean copy(SecurityGroup group, ScalewaySecurityGroup answer) {
        return new FieldChanges()
                .set(group.getProviderSideId(), answer.id(), group::setProviderSideId)
                .set(group.getName(), answer.name(), group::setName)
                .text(group.getDescription(), answer.description(), group::setDescription)
                .set(group.getZone(), answer.zone(), group::setZone)
                .text(group.getProject(), answer.project(), group::setProject)
                .text(group.getOrganization(), answer.organization(), group::setOrganization)
                .set(group.getProjectDefault(), answer.projectDefault(), group::setProjectDefault)
                .set(group.getStateful(), answer.stateful(), group::setStateful)
                .set(group.getInboundDefaultPolicy(), answer.inboundDefaultPolicy(), group::setInboundDefaultPolicy)
                .set(group.getOutboundDefaultPolicy(), answer.outboundDefaultPolicy(), group::setOutboundDefaultPolicy)
                .set(group.getEnableDefaultSecurity(), answer.enableDefaultSecurity(), group::setEnableDefaultSecurity)
                .list(group.getServers(), answer.servers().stream().map(ServerSummary::id).toList(), group::setServers)
                .list(group.getTags(), answer.tags(), group::setTags)
                .set(group.getState(), answer.state(), group::setState)
                .set(group.getCreationDate(), answer.creationDate(), group::setCreationDate)
                .set(group.getLastUpdated(), answer.modificationDate(), group::setLastUpdated)
                .set(group.getMissingAtProvider(), Boolean.FALSE, group::setMissingAtProvider)
                .any();
    }

    public static boolean markMissing(SecurityGroup group) {
        return FieldChanges.markMissing(group.getMissingAtProvider(), group::setMissingAtProvider);
    }

    /**
     * A single port comes back as {@code dest_port_from} alone: the entity says it as the range from that port to
     * itself. (A port Scaleway no longer has cannot be cleared here: the storage reads an empty number as unchanged.)
     */
    public static boolean copy(SecurityRule rule, ScalewaySecurityRule answer) {
        Integer to = answer.destPortTo() != null ? answer.destPortTo() : answer.destPortFrom();
        return new FieldChanges()
                .set(rule.getProviderSideId(), answer.id(), rule::setProviderSideId)
                .set(rule.getProtocol(), answer.protocol(), rule::setProtocol)
                .set(rule.getDirection(), answer.direction(), rule::setDirection)
                .set(rule.getAction(), answer.action(), rule::setAction)
                .set(rule.getIpRange(), answer.ipRange(), rule::setIpRange)
                .number(rule.getDestPortFrom(), answer.destPortFrom(), rule::setDestPortFrom)
                .number(rule.getDestPortTo(), to, rule::setDestPortTo)
                .number(rule.getPosition(), answer.position(), rule::setPosition)
                .set(rule.getEditable(), answer.isEditable(), rule::setEditable)
                .set(rule.getZone(), answer.zone(), rule::setZone)
                .set(rule.getMissingAtProvider(), Boolean.FALSE, rule::setMissingAtProvider)
                .any();
    }

    public static boolean markMissing(SecurityRule rule) {
        return FieldChanges.markMissing(rule.getMissingAtProvider(), rule::setMissingAtProvider);
    }

    /**
     * What a rule filters, as one text, to link a rule entered here to the one Scaleway lists: {@code inbound accept TCP
     * 0.0.0.0/0 22-22}; null when the entity says too little to tell.
     */
    public static String key(SecurityRule rule) {
        if (rule.getDirection() == null || rule.getAction() == null || rule.getProtocol() == null || rule.getIpRange() == null) {
            return null;
        }
        Long to = rule.getDestPortTo() != null ? rule.getDestPortTo() : rule.getDestPortFrom();
        return key(rule.getDirection(), rule.getAction(), rule.getProtocol(), rule.getIpRange(), rule.getDestPortFrom(), to);
    }

    public static String key(ScalewaySecurityRule rule) {
        Integer to = rule.destPortTo() != null ? rule.destPortTo() : rule.destPortFrom();
        return key(rule.direction(), rule.action(), rule.protocol(), rule.ipRange(), rule.destPortFrom(), to);
    }

    private static String key(String direction, String action, String protocol, String ipRange, Number from, Number to) {
        String range = IpRange.parse(ipRange).map(IpRange::toString).orElse(ipRange);
        return String.join(" ", direction, action, protocol, range, Objects.toString(from == null ? null : from.longValue()) + "-"
                + Objects.toString(to == null ? null : to.longValue()));
    }
}
