package io.mvinfra.cloudflare.lockdown;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.DomainName;
import org.meveo.model.customEntities.LockdownRule;

import io.mvinfra.net.HostName;
import io.mvinfra.net.IpAddress;
import io.mvinfra.net.IpRange;
import io.mvinfra.validation.Violations;

/**
 * A LockdownRule checked, then turned into what Cloudflare takes (the whole rule: its update is a PUT), before
 * anything is sent: every problem at once, each naming its field.
 */
public final class LockdownRuleRequests {

    static final int DESCRIPTION_MAX_LENGTH = 1024;

    /** The prefix lengths Cloudflare accepts in a Zone Lockdown range, per IP version. */
    static final Map<Integer, Set<Integer>> RANGE_PREFIXES = Map.of(4, Set.of(16, 24), 6, Set.of(32, 48, 64));

    private LockdownRuleRequests() {
    }

    /** The body of a create or update of {@code rule} in {@code zone}, or every problem with it. */
    public static LockdownRuleRequest of(LockdownRule rule, DomainName zone) throws BusinessException {
        Violations problems = new Violations("LockdownRule");
        LockdownRuleRequest request = check(rule, zone, problems);
        problems.throwIfAny();
        return request;
    }

    /**
     * Adds every problem of {@code rule} in {@code zone} to {@code problems}; the request when there is none. The
     * same code checks a save ({@link LockdownRuleRules}) and a press.
     */
    static LockdownRuleRequest check(LockdownRule rule, DomainName zone, Violations problems) {
        String zoneName = HostName.parse(zone.getName()).orElse(zone.getName());
        List<String> urls = urls(rule.getUrls(), zoneName, problems);
        List<LockdownConfiguration> configurations = new ArrayList<>();
        for (String ip : distinct(rule.getIps())) {
            Optional<IpAddress> address = IpAddress.parse(ip);
            if (address.isEmpty()) {
                problems.add("ips", "'" + ip + "' is not an IPv4 or IPv6 address");
            } else {
                configurations.add(LockdownConfiguration.ip(address.get().text()));
            }
        }
        for (String given : distinct(rule.getIpRanges())) {
            Optional<IpRange> range = IpRange.parse(given);
            if (range.isEmpty()) {
                problems.add("ipRanges", "'" + given + "' is not an IP range (an address, /, a prefix length)");
            } else if (!RANGE_PREFIXES.get(range.get().version()).contains(range.get().prefixLength())) {
                problems.add("ipRanges", "'" + given + "': Cloudflare takes IPv" + range.get().version() + " ranges of "
                        + prefixes(range.get().version()) + " only");
            } else {
                configurations.add(LockdownConfiguration.ipRange(range.get().toString()));
            }
        }
        if (distinct(rule.getIps()).isEmpty() && distinct(rule.getIpRanges()).isEmpty()) {
            problems.add("ips", "at least one IP address or IP range (ipRanges) is required: the only sources let through");
        }
        String description = rule.getDescription() == null || rule.getDescription().isBlank() ? null : rule.getDescription();
        if (description != null && description.length() > DESCRIPTION_MAX_LENGTH) {
            problems.add("description", "must be at most " + DESCRIPTION_MAX_LENGTH + " characters, is " + description.length());
        }
        Long priority = rule.getPriority();
        if (priority != null && (priority < 0 || priority > Integer.MAX_VALUE)) {
            problems.add("priority", "must be 0 or more (lower runs first), is " + priority);
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new LockdownRuleRequest(urls, configurations, description, Boolean.TRUE.equals(rule.getPaused()),
                priority == null ? null : priority.intValue());
    }

    /**
     * Refuses to make {@code rule} active when its zone has {@code maxActive} active rules already (Cloudflare's plan
     * limit, kept in DomainName.maxActiveLockdownRules), so the operator reads why here rather than Cloudflare's
     * {@code 10012 zonelockdown.api.not_entitled.max_rules}.
     *
     * @param zoneRules every rule of the zone known here, {@code rule} included or not
     */
    public static void checkActiveLimit(LockdownRule rule, DomainName zone, List<LockdownRule> zoneRules) throws BusinessException {
        Long maxActive = zone.getMaxActiveLockdownRules();
        if (maxActive == null || Boolean.TRUE.equals(rule.getPaused())) {
            return;
        }
        List<LockdownRule> active = zoneRules.stream()
                .filter(other -> !other.getUuid().equals(rule.getUuid()))
                .filter(other -> other.getProviderSideId() != null && !other.getProviderSideId().isBlank())
                .filter(other -> !Boolean.TRUE.equals(other.getPaused()) && !Boolean.TRUE.equals(other.getMissingAtProvider()))
                .toList();
        if (active.size() >= maxActive) {
            Violations problems = new Violations("LockdownRule");
            problems.add("paused", zone.getName() + " has " + active.size() + " active lockdown rule" + (active.size() == 1 ? "" : "s")
                    + " already, the most its plan allows (DomainName.maxActiveLockdownRules = " + maxActive
                    + "): pause or delete one first, or keep this one paused");
            problems.throwIfAny();
        }
    }

    /** Each URL as given, without its scheme, and on a host of the zone ({@code *} wildcards allowed). */
    private static List<String> urls(List<String> given, String zone, Violations problems) {
        List<String> urls = distinct(given);
        if (urls.isEmpty()) {
            problems.add("urls", "at least one URL is required, e.g. " + zone + "/admin*");
        }
        for (String url : urls) {
            if (url.contains("://")) {
                problems.add("urls", "'" + url + "': give it without its scheme, e.g. " + url.substring(url.indexOf("://") + 3));
            } else if (url.chars().anyMatch(Character::isWhitespace)) {
                problems.add("urls", "'" + url + "' has a space in it");
            } else {
                String host = url.contains("/") ? url.substring(0, url.indexOf('/')) : url;
                Optional<String> name = HostName.parse(host.replace("*", "wildcard"));
                if (name.isEmpty() || !HostName.isWithin(name.get(), zone)) {
                    problems.add("urls", "'" + url + "' is not on a host of " + zone + " (e.g. " + zone + "/admin* or *." + zone + "/*)");
                }
            }
        }
        return urls;
    }

    private static String prefixes(int version) {
        return String.join(" or ", RANGE_PREFIXES.get(version).stream().sorted().map(p -> "/" + p).toList());
    }

    private static List<String> distinct(List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        if (values != null) {
            values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).forEach(out::add);
        }
        return List.copyOf(out);
    }
}
