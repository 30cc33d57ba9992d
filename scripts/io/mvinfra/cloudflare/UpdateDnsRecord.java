package io.mvinfra.cloudflare;

import java.time.Instant;
import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.DnsRecord;
import org.meveo.model.customEntities.DomainName;

import io.mvinfra.cloudflare.dns.CloudflareDnsRecord;
import io.mvinfra.cloudflare.dns.DnsRecordChanges;
import io.mvinfra.cloudflare.dns.DnsRecordMapper;
import io.mvinfra.cloudflare.dns.DnsRecordPatch;
import io.mvinfra.cloudflare.dns.DnsRecordRequest;
import io.mvinfra.cloudflare.dns.DnsRecordRequests;
import io.mvinfra.http.ProviderCall;
import io.mvinfra.http.ProviderException;

/**
 * DnsRecord → "Update on Cloudflare": the entity checked as for a create, then compared with the record as Cloudflare
 * has it now; only what differs is sent, so a field changed meanwhile at Cloudflare and not here is left alone.
 */
public class UpdateDnsRecord extends CloudflareButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        DnsRecord record = entity(ctx, DnsRecord.class);
        DomainName zone = zone(record.getDomainName(), "DnsRecord " + record.getName());
        String id = requireProviderSideId("DNS record " + record.getName(), record.getProviderSideId(), "create it first");
        DnsRecordRequest wanted = DnsRecordRequests.create(record, zone);
        CloudflareClient cloudflare = cloudflare(zone);
        CloudflareDnsRecord current;
        try {
            current = cloudflare.dnsRecords().get(zone.getProviderSideId(), id);
        } catch (ProviderException e) {
            if (e.is(ProviderException.Kind.NOT_FOUND)) {
                throw new BusinessException("DNS record " + record.getName() + " (id " + id + ") is no longer at Cloudflare: "
                        + "press 'List DNS records' on " + zone.getName() + ", or delete it here", e);
            }
            throw e;
        }
        DnsRecordPatch changes = DnsRecordChanges.between(wanted, current);
        if (changes.isEmpty()) {
            if (!dryRun(ctx) && DnsRecordMapper.copy(record, current, Instant.now())) {
                save(record);   // what only Cloudflare sets (proxiable, modifiedDate…) may have moved meanwhile
            }
            message(ctx, "%sDNS record %s already matches Cloudflare: nothing to send", dryRun(ctx) ? "Dry run: " : "", current.name());
            return;
        }
        ProviderCall<CloudflareDnsRecord> update = cloudflare.dnsRecords().update(zone.getProviderSideId(), id, changes);
        if (dryRun(ctx)) {
            describeDryRun(ctx, update);
            return;
        }
        CloudflareDnsRecord updated = update.send();
        DnsRecordMapper.copy(record, updated, Instant.now());
        save(record);
        message(ctx, "DNS record %s updated (%s; id %s)", updated.name(), String.join(", ", changes.changedFields()), updated.id());
    }
}
