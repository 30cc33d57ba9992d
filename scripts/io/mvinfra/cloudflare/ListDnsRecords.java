package io.mvinfra.cloudflare;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.DnsRecord;
import org.meveo.model.customEntities.DomainName;

import io.mvinfra.cloudflare.dns.CloudflareDnsRecord;
import io.mvinfra.cloudflare.dns.DnsRecordMapper;
import io.mvinfra.cloudflare.dns.DnsRecordNames;
import io.mvinfra.cloudflare.dns.DnsRecordRequests;
import io.mvinfra.sync.Reconciliation;

/** DomainName → "List DNS records": every record of the zone, as DnsRecord entities; nothing changes unless all arrived. */
public class ListDnsRecords extends CloudflareButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        DomainName zone = zone(entity(ctx, DomainName.class), "DomainName");
        List<CloudflareDnsRecord> records = cloudflare(zone).dnsRecords().list(zone.getProviderSideId());
        progress(ctx, String.format("%d records listed, reconciling", records.size()));
        String zoneName = DnsRecordNames.zoneName(zone);
        DomainName zoneReference = new DomainName(zone.getUuid());
        Instant now = Instant.now();
        Reconciliation.Outcome outcome = Reconciliation.byId(DnsRecord::getProviderSideId, CloudflareDnsRecord::id)
                .naturalKey(record -> DnsRecordNames.identity(record, zoneName), DnsRecordNames::identity)
                .create(item -> {
                    DnsRecord record = new DnsRecord();
                    record.setDomainName(zoneReference);
                    return record;
                })
                .copy((record, item) -> DnsRecordMapper.copy(record, item, now))
                .markMissing(DnsRecordMapper::markMissing)
                .run(findAll(DnsRecord.class, "domainName", zone.getUuid()), records, this::save);
        message(ctx, "DNS records of %s: %s", zone.getName(), outcome.summary());
    }
}
