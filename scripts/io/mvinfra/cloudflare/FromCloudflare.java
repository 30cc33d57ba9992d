package io.mvinfra.cloudflare;

import java.io.IOException;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import org.meveo.model.customEntities.DnsRecord;
import org.meveo.model.customEntities.DomainName;
import org.meveo.model.customEntities.LockdownRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import io.mvinfra.sync.FieldChanges;
import io.mvinfra.cloudflare.client.CloudflareDnsRecord;
import io.mvinfra.cloudflare.client.CloudflareLockdownRule;
import io.mvinfra.cloudflare.client.CloudflareZone;
import io.mvinfra.cloudflare.client.LockdownConfiguration;
import io.mvinfra.http.Json;

/**
 * Cloudflare's answers written into the entities, the one place for each: after a create, an update and a list,
 * an entity holds what Cloudflare has. Each copy says whether anything changed, so a list writes only what differs.
 */
final class FromCloudflare {

    private static final Logger log = LoggerFactory.getLogger(FromCloudflare.class);

    /** The zone statuses the DomainName status field lists. */
    private static final Set<String> ZONE_STATUSES = Set.of("initializing", "pending", "active", "moved");

    /** DnsRecord.value holds at most this many characters (its field template's maxValue). */
    private static final int VALUE_MAX_LENGTH = 4096;

    private FromCloudflare() {
    }

    static boolean copy(DomainName domain, CloudflareZone zone) {
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

    /** Copies the answer; when anything changed, {@code lastSyncDate} says when. */
    static boolean copy(DnsRecord record, CloudflareDnsRecord answer, Instant now) {
        boolean changed = new FieldChanges()
                .set(record.getProviderSideId(), answer.id(), record::setProviderSideId)
                .set(record.getRecordType(), answer.type(), record::setRecordType)
                .set(record.getName(), answer.name(), record::setName)
                .text(record.getValue(), shortened(answer.content()), record::setValue)
                .change(!Objects.equals(parsed(record.getData()), answer.carriesData() ? answer.data() : null),
                        () -> record.setData(answer.carriesData() ? answer.data().toString() : ""))
                .number(record.getTtl(), answer.ttl(), record::setTtl)
                .number(record.getPriority(), answer.priority(), record::setPriority)
                .set(record.getProxied(), answer.proxied(), record::setProxied)
                .set(record.getProxiable(), answer.proxiable(), record::setProxiable)
                .set(record.getIsLocked(), answer.locked(), record::setIsLocked)
                .text(record.getComment(), answer.comment(), record::setComment)
                .list(record.getTags(), answer.tags(), record::setTags)
                .set(record.getCreationDate(), answer.createdOn(), record::setCreationDate)
                .set(record.getModifiedDate(), answer.modifiedOn(), record::setModifiedDate)
                .set(record.getMissingAtProvider(), Boolean.FALSE, record::setMissingAtProvider)
                .any();
        if (changed) {
            record.setLastSyncDate(now);
        }
        return changed;
    }

    static boolean copy(LockdownRule rule, CloudflareLockdownRule answer) {
        return new FieldChanges()
                .set(rule.getProviderSideId(), answer.id(), rule::setProviderSideId)
                .list(rule.getUrls(), answer.urls(), rule::setUrls)
                .list(rule.getIps(), answer.valuesOf(LockdownConfiguration.IP), rule::setIps)
                .list(rule.getIpRanges(), answer.valuesOf(LockdownConfiguration.IP_RANGE), rule::setIpRanges)
                .text(rule.getDescription(), answer.description(), rule::setDescription)
                .set(rule.getPaused(), answer.paused(), rule::setPaused)
                .number(rule.getPriority(), answer.priority(), rule::setPriority)
                .set(rule.getCreationDate(), answer.createdOn(), rule::setCreationDate)
                .set(rule.getLastUpdated(), answer.modifiedOn(), rule::setLastUpdated)
                .set(rule.getMissingAtProvider(), Boolean.FALSE, rule::setMissingAtProvider)
                .any();
    }

    static boolean markMissing(DomainName domain) {
        return mark(domain.getMissingAtProvider(), domain::setMissingAtProvider);
    }

    static boolean markMissing(DnsRecord record) {
        return mark(record.getMissingAtProvider(), record::setMissingAtProvider);
    }

    static boolean markMissing(LockdownRule rule) {
        return mark(rule.getMissingAtProvider(), rule::setMissingAtProvider);
    }

    /** {@code example.co.uk} → {@code uk}: the last label. */
    static String topLevelDomain(String zoneName) {
        return zoneName == null ? null : zoneName.substring(zoneName.lastIndexOf('.') + 1);
    }

    private static boolean mark(Boolean missing, Consumer<Boolean> setter) {
        if (Boolean.TRUE.equals(missing)) {
            return false;
        }
        setter.accept(Boolean.TRUE);
        return true;
    }

    /**
     * Cloudflare's formatted content of a structured record (a CERT, an SMIMEA) may outgrow the field; its full value
     * is in {@code data}, so the content is cut, visibly.
     */
    private static String shortened(String content) {
        return content == null || content.length() <= VALUE_MAX_LENGTH ? content : content.substring(0, VALUE_MAX_LENGTH - 1) + "…";
    }

    /** The JSON of a data field, or null when it holds none. */
    private static JsonNode parsed(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return Json.SNAKE_CASE.readTree(json);
        } catch (IOException notJson) {
            return null;
        }
    }
}
