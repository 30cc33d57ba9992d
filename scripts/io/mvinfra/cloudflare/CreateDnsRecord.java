package io.mvinfra.cloudflare;

import java.time.Instant;
import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.DnsRecord;
import org.meveo.model.customEntities.DomainName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.mvinfra.cloudflare.dns.CloudflareDnsRecord;
import io.mvinfra.cloudflare.dns.DnsRecordMapper;
import io.mvinfra.cloudflare.dns.DnsRecordRequest;
import io.mvinfra.cloudflare.dns.DnsRecordRequests;
import io.mvinfra.http.ProviderCall;
import io.mvinfra.http.ProviderException;

/** DnsRecord → "Create on Cloudflare": the record created in its zone, the entity then holding Cloudflare's answer. */
public class CreateDnsRecord extends CloudflareButton {

    private static final Logger log = LoggerFactory.getLogger(CreateDnsRecord.class);

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        DnsRecord record = entity(ctx, DnsRecord.class);
        requireNoProviderSideId("DNS record " + record.getName(), record.getProviderSideId(), "update it instead");
        DomainName zone = zone(record.getDomainName(), "DnsRecord " + record.getName());
        DnsRecordRequest request = DnsRecordRequests.create(record, zone);
        CloudflareClient cloudflare = cloudflare(zone);
        ProviderCall<CloudflareDnsRecord> create = cloudflare.dnsRecords().create(zone.getProviderSideId(), request);
        if (dryRun(ctx)) {
            describeDryRun(ctx, create);
            return;
        }
        CloudflareDnsRecord created;
        String how = "created";
        try {
            created = create.send();
        } catch (ProviderException e) {
            if (!CloudflareDialect.isAlreadyExists(e)) {
                throw e;
            }
            // 81057/81058: the zone has this very record, made outside mv-infra or by a create of ours whose answer
            // was lost. Adopt it rather than fail or duplicate, unless another entity tracks it already.
            created = cloudflare.dnsRecords().findIdentical(zone.getProviderSideId(), request).orElseThrow(() -> e);
            DnsRecord tracking = findAll(DnsRecord.class, "providerSideId", created.id()).stream().findFirst().orElse(null);
            if (tracking != null) {
                throw new BusinessException("DNS record " + created.name() + " exists at Cloudflare already (id " + created.id()
                        + ") and DnsRecord " + tracking.getUuid() + " tracks it: update that one instead");
            }
            how = "already existed at Cloudflare (" + e.providerCode() + "): adopted";
            log.info("DNS record {} {} in zone {}: Cloudflare answered {}; adopted record {}", created.type(), created.name(),
                    zone.getName(), e.providerCode(), created.id());
        }
        DnsRecordMapper.copy(record, created, Instant.now());
        save(record);
        message(ctx, "DNS record %s %s (id %s)", created.name(), how, created.id());
    }
}
