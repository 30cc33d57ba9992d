package io.mvinfra.cloudflare.zones;

import java.util.Set;

import org.meveo.model.customEntities.DomainName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.mvinfra.sync.FieldChanges;

/** A Cloudflare zone written into its DomainName; says whether anything changed, so a list writes only what differs. */
public final class ZoneMapper {

    private static final Logger log = LoggerFactory.getLogger(ZoneMapper.class);

    /** The zone statuses the DomainName status field lists. */
    private static final Set<String> ZONE_STATUSES = Set.of("initializing", "pending", "active", "moved");

    private ZoneMapper() {
    }

    public static boolean copy(DomainName domain, CloudflareZone zone) {
        String status = zone.status();
        if (status != null && !ZONE_STATUSES.contains(status)) {
            log.warn("zone {} has status '{}', which DomainName.status does not list: left as it was", zone.name(), status);
            status = null;
        }
        return new FieldChanges()
                .set(domain.getProviderSideId(), zone.id(), domain::setProviderSideId)
                .set(domain.getName(), zone.name(), domain::setName)
                .set(domain.getTld(), topLevelDomain(zone.name()), domain::setTld)
                .set(domain.getStatus(), status, domain::setStatus)
                .set(domain.getCreationDate(), zone.createdOn(), domain::setCreationDate)
                .set(domain.getLastUpdate(), zone.modifiedOn(), domain::setLastUpdate)
                .set(domain.getMissingAtProvider(), Boolean.FALSE, domain::setMissingAtProvider)
                .any();
    }

    public static boolean markMissing(DomainName domain) {
        return FieldChanges.markMissing(domain.getMissingAtProvider(), domain::setMissingAtProvider);
    }

    /** {@code example.co.uk} → {@code uk}: the last label. */
    public static String topLevelDomain(String zoneName) {
        return zoneName == null ? null : zoneName.substring(zoneName.lastIndexOf('.') + 1);
    }
}
