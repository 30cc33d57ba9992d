package io.mvinfra.cloudflare;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.DnsRecord;
import org.meveo.model.customEntities.DomainName;

import io.mvinfra.http.ProviderCall;

/** DnsRecord → "Delete on Cloudflare": the record deleted there, then the entity here. */
public class DeleteDnsRecord extends CloudflareButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        DnsRecord record = entity(ctx, DnsRecord.class);
        String id = requireProviderSideId("DNS record " + record.getName(), record.getProviderSideId(), "delete the entity itself");
        DomainName zone = zone(record.getDomainName(), "DnsRecord " + record.getName());
        ProviderCall<String> delete = cloudflare(zone).dnsRecords().delete(zone.getProviderSideId(), id);
        if (dryRun(ctx)) {
            describeDryRun(ctx, delete);
            return;
        }
        String outcome = sendDelete(delete);
        remove(record.getUuid(), DnsRecord.class);
        message(ctx, "DNS record %s %s (id %s) and removed here", record.getName(), outcome, id);
    }
}
