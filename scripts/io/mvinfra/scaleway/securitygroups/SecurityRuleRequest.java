package io.mvinfra.scaleway.securitygroups;

import java.util.Objects;

import io.mvinfra.net.IpRange;

/**
 * The body of a rule's create ({@code POST …/rules}) and, with its id, place and editability, of its replacement
 * ({@code PUT …/rules/{id}}, SetSecurityGroupRule, which takes the rule whole). A single port is sent as
 * {@code dest_port_from} alone, as Scaleway keeps it.
 *
 * @param position where the rule goes (from 1); null on a create puts it last
 */
public record SecurityRuleRequest(String id, String protocol, String direction, String action, String ipRange,
                                  Integer destPortFrom, Integer destPortTo, Integer position, Boolean editable) {

    /** The replacement of {@code current}: this rule under its id, in its place unless this one names another. */
    public SecurityRuleRequest replacing(ScalewaySecurityRule current) {
        return new SecurityRuleRequest(current.id(), protocol, direction, action, ipRange, destPortFrom, destPortTo,
                position == null ? current.position() : position, current.isEditable());
    }

    /** Whether {@code rule} filters the same traffic the same way (its place aside). */
    public boolean matches(ScalewaySecurityRule rule) {
        return protocol.equals(rule.protocol()) && direction.equals(rule.direction()) && action.equals(rule.action())
                && ipRange.equals(IpRange.parse(rule.ipRange()).map(IpRange::toString).orElse(rule.ipRange()))
                && Objects.equals(destPortFrom, rule.destPortFrom())
                && Objects.equals(destPortTo, Objects.equals(rule.destPortTo(), rule.destPortFrom()) ? null : rule.destPortTo());
    }

    /** Whether sending this as the replacement of {@code current} would change nothing. */
    public boolean sameAs(ScalewaySecurityRule current) {
        return matches(current) && (position == null || position.equals(current.position()));
    }

    /** {@code inbound accept TCP 22 from 0.0.0.0/0}, {@code outbound drop UDP 1000-2000 from 10.0.0.0/8}. */
    public String summary() {
        String ports = destPortFrom == null ? "" : " " + destPortFrom + (destPortTo == null ? "" : "-" + destPortTo);
        return direction + " " + action + " " + protocol + ports + " from " + ipRange;
    }
}
