package io.mvinfra.cloudflare.lockdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.meveo.model.customEntities.LockdownRule;

/**
 * What "Add to lockdown rule" put into a rule for a DNS record ({@code host/*} in its URLs, the record's address in
 * its IPs), taken out again when the record goes. The address stays while another record of the zone on the same
 * address still has its host in the rule: it was added for that one too.
 */
public final class LockdownCleanup {

    /** The rule's URLs and IPs without the record's, or why it is left as it is. */
    public record Change(LockdownRule rule, List<String> urls, List<String> ips, String leftAsIs) {
        public boolean applies() {
            return leftAsIs == null;
        }
    }

    private LockdownCleanup() {
    }

    /**
     * @param stillServed the {@code host/*} URLs of the zone's other records on {@code address}
     * @return empty when the rule holds neither the record's host nor its address
     */
    public static Optional<Change> of(LockdownRule rule, String hostUrl, String address, Set<String> stillServed) {
        List<String> urls = new ArrayList<>(rule.getUrls() == null ? List.of() : rule.getUrls());
        List<String> ips = new ArrayList<>(rule.getIps() == null ? List.of() : rule.getIps());
        boolean hadUrl = urls.remove(hostUrl);
        boolean addressStillUsed = urls.stream().anyMatch(stillServed::contains);
        boolean hadIp = address != null && !addressStillUsed && ips.remove(address);
        if (!hadUrl && !hadIp) {
            return Optional.empty();
        }
        boolean noSource = ips.isEmpty() && (rule.getIpRanges() == null || rule.getIpRanges().isEmpty());
        if (urls.isEmpty() || noSource) {
            return Optional.of(new Change(rule, urls, ips, "it would be left with no " + (urls.isEmpty() ? "URL" : "address")
                    + " (Cloudflare requires one): delete the rule instead"));
        }
        return Optional.of(new Change(rule, urls, ips, null));
    }
}
