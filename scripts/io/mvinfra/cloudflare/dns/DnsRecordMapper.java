package io.mvinfra.cloudflare.dns;

import java.io.IOException;
import java.time.Instant;
import java.util.Objects;

import org.meveo.model.customEntities.DnsRecord;

import com.fasterxml.jackson.databind.JsonNode;

import io.mvinfra.http.Json;
import io.mvinfra.sync.FieldChanges;

/** A Cloudflare DNS record written into its DnsRecord; says whether anything changed, so a list writes only what differs. */
public final class DnsRecordMapper {

    /** DnsRecord.value holds at most this many characters (its field template's maxValue). */
    private static final int VALUE_MAX_LENGTH = 4096;

    private DnsRecordMapper() {
    }

    /** Copies the answer; when anything changed, {@code lastSyncDate} says when. */
    public static boolean copy(DnsRecord record, CloudflareDnsRecord answer, Instant now) {
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

    public static boolean markMissing(DnsRecord record) {
        return FieldChanges.markMissing(record.getMissingAtProvider(), record::setMissingAtProvider);
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
