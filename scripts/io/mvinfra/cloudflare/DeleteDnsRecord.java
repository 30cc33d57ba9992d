package io.mvinfra.cloudflare;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.DnsRecord;
import org.meveo.model.customEntities.DomainName;
import org.meveo.model.customEntities.LockdownRule;

import io.mvinfra.cloudflare.dns.DnsRecordNames;
import io.mvinfra.cloudflare.lockdown.CloudflareLockdownRule;
import io.mvinfra.cloudflare.lockdown.LockdownCleanup;
import io.mvinfra.cloudflare.lockdown.LockdownRuleMapper;
import io.mvinfra.cloudflare.lockdown.LockdownRuleRequests;
import io.mvinfra.cloudflare.lockdown.LockdownRules;
import io.mvinfra.http.ProviderCall;
import io.mvinfra.http.ProviderException;
import io.mvinfra.net.IpAddress;
import io.mvinfra.validation.Violations;

/**
 * DnsRecord → "Delete on Cloudflare": the record deleted there, then the entity here. With {@value #FROM_RULES}, the
 * lockdown rules of its zone then lose what "Add to lockdown rule" added for it (its {@code host/*} and address).
 */
public class DeleteDnsRecord extends CloudflareButton {

    static final String FROM_RULES = "removeFromLockdownRules";

    private record RuleUpdate(LockdownRule rule, ProviderCall<CloudflareLockdownRule> call) {
    }

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        DnsRecord record = entity(ctx, DnsRecord.class);
        String id = requireProviderSideId("DNS record " + record.getName(), record.getProviderSideId(), "delete the entity itself");
        DomainName zone = zone(record.getDomainName(), "DnsRecord " + record.getName());
        CloudflareClient cloudflare = cloudflare(zone);
        ProviderCall<String> delete = cloudflare.dnsRecords().delete(zone.getProviderSideId(), id);
        List<String> notes = new ArrayList<>();
        List<RuleUpdate> updates = flag(ctx, FROM_RULES) ? ruleUpdates(record, zone, cloudflare, notes) : List.of();
        if (dryRun(ctx)) {
            List<String> calls = new ArrayList<>(List.of(delete.describe()));
            updates.forEach(u -> calls.add(u.call().describe() + " (lockdown rule " + LockdownRules.label(u.rule()) + ")"));
            message(ctx, "Dry run: %s%s", String.join("; then ", calls), notes(notes));
            return;
        }
        String outcome = sendDelete(delete);
        remove(record.getUuid(), DnsRecord.class);
        for (RuleUpdate update : updates) {
            // the record is gone at Cloudflare already: a rule that cannot be cleaned is said, never a reason to undo
            try {
                LockdownRuleMapper.copy(update.rule(), update.call().send());
                save(update.rule());
                notes.add("taken out of lockdown rule " + LockdownRules.label(update.rule()));
            } catch (ProviderException e) {
                notes.add("lockdown rule " + LockdownRules.label(update.rule()) + " not cleaned: " + e.getMessage());
            }
        }
        message(ctx, "DNS record %s %s (id %s) and removed here%s", record.getName(), outcome, id, notes(notes));
    }

    /** The rule updates to send, each checked as a rule's update is; what cannot be cleaned goes to {@code notes}. */
    private List<RuleUpdate> ruleUpdates(DnsRecord record, DomainName zone, CloudflareClient cloudflare, List<String> notes)
            throws BusinessException {
        String zoneName = DnsRecordNames.zoneName(zone);
        String host = DnsRecordNames.fullName(record.getName(), zoneName, new Violations("DnsRecord"));
        String address = IpAddress.parse(record.getValue()).map(IpAddress::text).orElse(null);
        Set<String> stillServed = new HashSet<>();
        for (DnsRecord other : findAll(DnsRecord.class, "domainName", zone.getUuid())) {
            String otherAddress = IpAddress.parse(other.getValue()).map(IpAddress::text).orElse(null);
            String otherHost = DnsRecordNames.fullName(other.getName(), zoneName, new Violations("DnsRecord"));
            if (!other.getUuid().equals(record.getUuid()) && address != null && address.equals(otherAddress) && otherHost != null) {
                stillServed.add(otherHost + "/*");
            }
        }
        List<RuleUpdate> updates = new ArrayList<>();
        for (LockdownRule rule : findAll(LockdownRule.class, "domainName", zone.getUuid())) {
            if (rule.getProviderSideId() == null || rule.getProviderSideId().isBlank() || host == null) {
                continue;
            }
            Optional<LockdownCleanup.Change> change = LockdownCleanup.of(rule, host + "/*", address, stillServed);
            if (change.isEmpty()) {
                continue;
            }
            if (!change.get().applies()) {
                notes.add("lockdown rule " + LockdownRules.label(rule) + " left as it is: " + change.get().leftAsIs());
                continue;
            }
            rule.setUrls(change.get().urls());
            rule.setIps(change.get().ips());
            updates.add(new RuleUpdate(rule, cloudflare.lockdownRules().update(zone.getProviderSideId(), rule.getProviderSideId(),
                    LockdownRuleRequests.of(rule, zone))));
        }
        if (updates.isEmpty() && notes.isEmpty()) {
            notes.add("no lockdown rule of " + zone.getName() + " held " + host + "/* or " + address);
        }
        return updates;
    }

    private static String notes(List<String> notes) {
        return notes.isEmpty() ? "" : "; " + String.join("; ", notes);
    }
}
