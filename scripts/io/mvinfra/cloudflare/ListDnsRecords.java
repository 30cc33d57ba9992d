package io.mvinfra.cloudflare;

import java.time.Instant;
import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.DnsRecord;
import org.meveo.model.customEntities.DomainName;

import io.mvinfra.cloudflare.dns.CloudflareDnsRecord;
import io.mvinfra.cloudflare.dns.DnsRecordMapper;
import io.mvinfra.cloudflare.dns.DnsRecordNames;
import io.mvinfra.cloudflare.dns.DnsRecordRequests;
import io.mvinfra.sync.Reconciliation;

/**
 * DomainName → "List DNS records": every record of the zone, as DnsRecord entities, written page by page as the pages
 * arrive in the press's one transaction, so a list that fails on any page changes nothing.
 */
public class ListDnsRecords extends CloudflareButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        DomainName zone = zone(entity(ctx, DomainName.class), "DomainName");
        String zoneName = DnsRecordNames.zoneName(zone);
        DomainName zoneReference = new DomainName(zone.getUuid());
        Instant now = Instant.now();
        Reconciliation<DnsRecord, CloudflareDnsRecord>.Run run = Reconciliation.byId(DnsRecord::getProviderSideId, CloudflareDnsRecord::id)
                .naturalKey(record -> DnsRecordNames.identity(record, zoneName), DnsRecordNames::identity)
                .create(item -> {
                    DnsRecord record = new DnsRecord();
                    record.setDomainName(zoneReference);
                    return record;
                })
                .copy((record, item) -> DnsRecordMapper.copy(record, item, now))
                .markMissing(DnsRecordMapper::markMissing)
                .start(() -> findAll(DnsRecord.class, "domainName", zone.getUuid()), this::save);
        // each page written while the next ones are fetched; only a complete list marks what it lacks
        cloudflare(zone).dnsRecords().eachPage(zone.getProviderSideId(),
                page -> progress(ctx, String.format("%d records listed and reconciled", run.listed(page))));
        Reconciliation.Outcome outcome = run.complete();
        message(ctx, "DNS records of %s: %s", zone.getName(), outcome.summary());
    }
}
