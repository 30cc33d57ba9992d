package io.mvinfra.openstack.network;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.SecurityRule;

import io.mvinfra.net.IpRange;
import io.mvinfra.validation.Violations;

/**
 * A SecurityRule checked, then turned into Neutron's rule, before anything is sent (every problem at once, each
 * naming its field); and a Neutron rule said in the SecurityRule's words (ingress is inbound, a null protocol ANY).
 */
public final class SecurityRules {

    private static final Map<String, String> DIRECTIONS = Map.of("inbound", "ingress", "outbound", "egress");
    private static final Map<String, String> PROTOCOLS = Map.of("TCP", "tcp", "UDP", "udp", "ICMP", "icmp");
    private static final int PORT_MAX = 65_535;

    private SecurityRules() {
    }

    /** The rule to create in the Neutron group {@code groupId}. */
    public static NeutronSecurityRule create(SecurityRule rule, String groupId) throws BusinessException {
        Violations problems = new Violations("SecurityRule");
        String direction = rule.getDirection() == null ? null : DIRECTIONS.get(rule.getDirection().strip().toLowerCase(Locale.ROOT));
        if (direction == null) {
            problems.add("direction", rule.getDirection() == null ? "is required: inbound or outbound"
                    : "must be inbound or outbound, is " + rule.getDirection());
        }
        if (rule.getAction() != null && !rule.getAction().isBlank() && !"accept".equalsIgnoreCase(rule.getAction().strip())) {
            problems.add("action", "must be accept (or empty): Neutron's rules only allow, and drops what no rule allows; is "
                    + rule.getAction().strip());
        }
        String given = rule.getProtocol() == null || rule.getProtocol().isBlank() ? "ANY" : rule.getProtocol().strip().toUpperCase(Locale.ROOT);
        String protocol = PROTOCOLS.get(given);
        if (protocol == null && !given.equals("ANY")) {
            problems.add("protocol", "must be TCP, UDP, ICMP or ANY, is " + given);
        }
        Integer from = port("destPortFrom", rule.getDestPortFrom(), problems);
        Integer to = port("destPortTo", rule.getDestPortTo(), problems);
        boolean ported = "tcp".equals(protocol) || "udp".equals(protocol);
        if (!ported && (from != null || to != null)) {
            problems.add(from != null ? "destPortFrom" : "destPortTo", "must be empty for " + given + ": ports apply to TCP and UDP only");
        } else if (to != null && from == null) {
            problems.add("destPortFrom", "is required when destPortTo is set (" + to + ")");
        } else if (from != null && to != null && to < from) {
            problems.add("destPortTo", "must be at least destPortFrom (" + from + "), is " + to);
        }
        String prefix = null;
        String ethertype = "IPv4";
        if (rule.getIpRange() != null && !rule.getIpRange().isBlank()) {
            Optional<IpRange> range = IpRange.parse(rule.getIpRange().strip());
            if (range.isEmpty()) {
                problems.add("ipRange", "must be a CIDR range such as 0.0.0.0/0 or 2001:db8::/32, is " + rule.getIpRange().strip());
            } else {
                prefix = range.get().toString();
                ethertype = range.get().version() == 6 ? "IPv6" : "IPv4";
            }
        }
        problems.throwIfAny();
        return new NeutronSecurityRule(null, groupId, direction, ethertype, protocol, from, from == null ? null : (to == null ? from : to),
                prefix, null, null);
    }

    /** Neutron's direction as the SecurityRule says it. */
    public static String direction(String neutron) {
        return "egress".equals(neutron) ? "outbound" : "inbound";
    }

    /** Neutron's protocol as the SecurityRule's list has it; null for one the list lacks (gre, a number…). */
    public static String protocol(String neutron) {
        if (neutron == null || neutron.isBlank() || neutron.equalsIgnoreCase("any")) {
            return "ANY";
        }
        String upper = neutron.toUpperCase(Locale.ROOT);
        return PROTOCOLS.containsKey(upper) ? upper : null;
    }

    private static Integer port(String field, Long value, Violations problems) {
        if (value == null) {
            return null;
        }
        if (value < 1 || value > PORT_MAX) {
            problems.add(field, "must be a port from 1 to " + PORT_MAX + ", is " + value);
            return null;
        }
        return value.intValue();
    }
}
