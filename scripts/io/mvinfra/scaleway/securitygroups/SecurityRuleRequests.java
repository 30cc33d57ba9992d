package io.mvinfra.scaleway.securitygroups;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.SecurityRule;

import io.mvinfra.net.IpRange;
import io.mvinfra.validation.Violations;

/**
 * A SecurityRule checked, then turned into what the Instance API takes, before anything is sent: every problem at
 * once, each naming its field ({@code SecurityRule.destPortTo: must be at least destPortFrom (443), is 80}).
 */
public final class SecurityRuleRequests {

    /** The enums of {@code scaleway.instance.v1.SecurityGroupRule} in scaleway-instance.yaml. */
    static final List<String> PROTOCOLS = List.of("TCP", "UDP", "ICMP", "ANY");
    static final List<String> DIRECTIONS = List.of("inbound", "outbound");
    static final List<String> ACTIONS = List.of("accept", "drop");
    /** Ports filter TCP and UDP only; ICMP has none and ANY means every port of every protocol. */
    private static final Set<String> WITHOUT_PORTS = Set.of("ICMP", "ANY");
    static final int PORT_MIN = 1;
    static final int PORT_MAX = 65_535;

    private SecurityRuleRequests() {
    }

    /** The body of a create of {@code rule}; its replacement is {@link SecurityRuleRequest#replacing} of it. */
    public static SecurityRuleRequest of(SecurityRule rule) throws BusinessException {
        Violations problems = new Violations("SecurityRule");
        SecurityRuleRequest request = check(rule, problems);
        problems.throwIfAny();
        return request;
    }

    /**
     * Adds every problem of {@code rule} to {@code problems}; the request when there is none. The same code checks a
     * save ({@link SecurityRuleRules}) and a press.
     */
    static SecurityRuleRequest check(SecurityRule rule, Violations problems) {
        String protocol = oneOf("protocol", rule.getProtocol() == null ? null : rule.getProtocol().strip().toUpperCase(Locale.ROOT),
                PROTOCOLS, problems);
        String direction = oneOf("direction", lower(rule.getDirection()), DIRECTIONS, problems);
        String action = oneOf("action", lower(rule.getAction()), ACTIONS, problems);
        String ipRange = ipRange(rule.getIpRange(), problems);
        Integer from = port("destPortFrom", rule.getDestPortFrom(), problems);
        Integer to = port("destPortTo", rule.getDestPortTo(), problems);
        if (protocol != null && WITHOUT_PORTS.contains(protocol)) {
            String why = "must be empty for " + protocol + ": ports apply to TCP and UDP only";
            if (rule.getDestPortFrom() != null) {
                problems.add("destPortFrom", why);
            }
            if (rule.getDestPortTo() != null) {
                problems.add("destPortTo", why);
            }
        } else if (to != null && from == null) {
            problems.add("destPortFrom", "is required when destPortTo is set (" + to + "): a range goes from destPortFrom to destPortTo");
        } else if (from != null && to != null && to < from) {
            problems.add("destPortTo", "must be at least destPortFrom (" + from + "), is " + to);
        }
        Long position = rule.getPosition();
        if (position != null && (position < 1 || position > Integer.MAX_VALUE)) {
            problems.add("position", "must be 1 or more (rules apply in order, from 1), is " + position);
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new SecurityRuleRequest(null, protocol, direction, action, ipRange, from, to == null || to.equals(from) ? null : to,
                position == null ? null : position.intValue(), null);
    }

    private static String oneOf(String field, String value, List<String> allowed, Violations problems) {
        if (value == null || value.isEmpty()) {
            problems.add(field, "is required: one of " + String.join(", ", allowed));
            return null;
        }
        if (!allowed.contains(value)) {
            problems.add(field, "must be one of " + String.join(", ", allowed) + ", is " + value);
            return null;
        }
        return value;
    }

    private static String ipRange(String value, Violations problems) {
        if (value == null || value.isBlank()) {
            problems.add("ipRange", "is required: a CIDR range such as 0.0.0.0/0 (anywhere) or 203.0.113.0/24");
            return null;
        }
        Optional<IpRange> range = IpRange.parse(value);
        if (range.isEmpty()) {
            problems.add("ipRange", "must be a CIDR range such as 203.0.113.0/24, 198.51.100.7/32 or 2001:db8::/48, is '"
                    + value.strip() + "'");
            return null;
        }
        return range.get().toString();
    }

    private static Integer port(String field, Long port, Violations problems) {
        if (port == null) {
            return null;
        }
        if (port < PORT_MIN || port > PORT_MAX) {
            problems.add(field, "must be a port from " + PORT_MIN + " to " + PORT_MAX + ", is " + port);
            return null;
        }
        return port.intValue();
    }

    private static String lower(String value) {
        return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
    }
}
