package io.mvinfra.cloudflare.dns;

import org.meveo.model.customEntities.DnsRecord;
import org.meveo.model.customEntities.DomainName;

import io.mvinfra.validation.RulesAtSave;
import io.mvinfra.validation.Violations;

/**
 * A DnsRecord's rules at save, the ones "Create" and "Update on Cloudflare" check at press: TTL 1 or 60 to 86400, a
 * priority for MX, SRV and URI, the value each type takes, the name within its zone. A record without its domain
 * yet is left to the field templates, which require one.
 */
public class DnsRecordRules extends RulesAtSave<DnsRecord> {

    public DnsRecordRules() {
        super(DnsRecord.class);
    }

    @Override
    public void check(DnsRecord record, References references, Violations problems) {
        references.find(record.getDomainName(), DomainName.class)
                .ifPresent(zone -> DnsRecordRequests.check(record, zone, problems));
    }
}
