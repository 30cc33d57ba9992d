package io.mvinfra.cloudflare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.meveo.admin.exception.BusinessException;
import org.meveo.api.exception.EntityDoesNotExistsException;
import org.meveo.model.customEntities.DnsRecord;
import org.meveo.model.customEntities.DomainName;
import org.meveo.model.customEntities.LockdownRule;

import io.mvinfra.cloudflare.dns.DnsRecordNames;
import io.mvinfra.cloudflare.dns.DnsRecordRequests;
import io.mvinfra.cloudflare.lockdown.CloudflareLockdownRule;
import io.mvinfra.cloudflare.lockdown.LockdownRuleMapper;
import io.mvinfra.cloudflare.lockdown.LockdownRuleRequest;
import io.mvinfra.cloudflare.lockdown.LockdownRuleRequests;
import io.mvinfra.cloudflare.lockdown.LockdownRules;
import io.mvinfra.http.ProviderCall;
import io.mvinfra.net.IpAddress;
import io.mvinfra.validation.Violations;

/**
 * DnsRecord → "Add to lockdown rule": the record's host ({@code name/*}) joins the rule's URLs and the record's
 * address (the server's) its IPs, and the rule is updated on Cloudflare. The rule is the button parameter
 * {@value #RULE} (its uuid or Cloudflare id), or the zone's only rule.
 */
public class AddToLockdownRule extends CloudflareButton {

    static final String RULE = "lockdownRule";

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        DnsRecord record = entity(ctx, DnsRecord.class);
        DomainName zone = zone(record.getDomainName(), "DnsRecord " + record.getName());
        Violations problems = new Violations("DnsRecord");
        String host = DnsRecordNames.fullName(record.getName(), DnsRecordNames.zoneName(zone), problems);
        Optional<IpAddress> ip = IpAddress.parse(record.getValue());
        if (!"A".equals(record.getRecordType()) && !"AAAA".equals(record.getRecordType())) {
            problems.add("recordType", "only an A or AAAA record gives a server's address to let through, this one is "
                    + record.getRecordType());
        } else if (ip.isEmpty()) {
            problems.add("value", "'" + record.getValue() + "' is not an IP address");
        }
        problems.throwIfAny();
        LockdownRule rule = chosenRule(ctx, zone);
        String id = requireProviderSideId("Lockdown rule " + LockdownRules.label(rule), rule.getProviderSideId(), "create it first");
        String url = host + "/*";
        List<String> urls = added(rule.getUrls(), url);
        List<String> ips = added(rule.getIps(), ip.get().text());
        if (urls.size() == sizeOf(rule.getUrls()) && ips.size() == sizeOf(rule.getIps())) {
            message(ctx, "%sLockdown rule %s already lets %s through to %s: nothing to send", dryRun(ctx) ? "Dry run: " : "",
                    LockdownRules.label(rule), ip.get(), url);
            return;
        }
        rule.setUrls(urls);
        rule.setIps(ips);
        LockdownRuleRequest request = LockdownRuleRequests.of(rule, zone);
        ProviderCall<CloudflareLockdownRule> update = cloudflare(zone).lockdownRules().update(zone.getProviderSideId(), id, request);
        if (dryRun(ctx)) {
            describeDryRun(ctx, update);
            return;
        }
        CloudflareLockdownRule updated = update.send();
        LockdownRuleMapper.copy(rule, updated);
        save(rule);
        message(ctx, "Lockdown rule %s now lets %s through to %s (id %s)", LockdownRules.label(rule), ip.get(), url, updated.id());
    }

    /** The rule named by the parameter, by uuid or Cloudflare id; without one, the zone's only rule at Cloudflare. */
    private LockdownRule chosenRule(Map<String, Object> ctx, DomainName zone) throws BusinessException {
        List<LockdownRule> zoneRules = findAll(LockdownRule.class, "domainName", zone.getUuid());
        String wanted = parameter(ctx, RULE);
        if (wanted == null) {
            List<LockdownRule> atCloudflare = zoneRules.stream().filter(r -> r.getProviderSideId() != null).toList();
            if (atCloudflare.size() == 1) {
                return atCloudflare.get(0);
            }
            throw new BusinessException("Which lockdown rule? Give the parameter " + RULE + " (a uuid or Cloudflare id); "
                    + zone.getName() + " has " + (atCloudflare.isEmpty() ? "none at Cloudflare"
                    : String.join(", ", atCloudflare.stream().map(r -> r.getUuid() + " " + LockdownRules.label(r)).toList())));
        }
        LockdownRule rule;
        try {
            rule = find(wanted, LockdownRule.class);
        } catch (EntityDoesNotExistsException notAUuid) {
            rule = zoneRules.stream().filter(r -> wanted.equals(r.getProviderSideId())).findFirst()
                    .orElseThrow(() -> new BusinessException(RULE + " " + wanted + ": no lockdown rule of " + zone.getName()
                            + " has this uuid or Cloudflare id"));
        }
        if (rule.getDomainName() == null || !zone.getUuid().equals(rule.getDomainName().getUuid())) {
            throw new BusinessException(RULE + " " + wanted + ": lockdown rule " + LockdownRules.label(rule)
                    + " is not a rule of " + zone.getName());
        }
        return rule;
    }

    private static List<String> added(List<String> values, String value) {
        List<String> out = new ArrayList<>(values == null ? List.of() : values);
        if (!out.contains(value)) {
            out.add(value);
        }
        return out;
    }

    private static int sizeOf(List<String> values) {
        return values == null ? 0 : values.size();
    }
}
