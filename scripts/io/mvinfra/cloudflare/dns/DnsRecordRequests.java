package io.mvinfra.cloudflare.dns;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.DnsRecord;
import org.meveo.model.customEntities.DomainName;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mvinfra.http.Json;
import io.mvinfra.net.HostName;
import io.mvinfra.net.IpAddress;
import io.mvinfra.validation.Violations;

/**
 * A DnsRecord checked, then turned into what Cloudflare takes, before anything is sent: every problem at once, each
 * naming its field ({@code DnsRecord.ttl: must be 1 (automatic) or 60 to 86400 seconds, is 5}). The rules are
 * Cloudflare's: the record schemas of cloudflare.yaml and the limits its API documents.
 */
public final class DnsRecordRequests {

    /** The record types of Cloudflare's API (cloudflare.yaml), as DnsRecord.recordType lists them. */
    static final List<String> TYPES = List.of("A", "AAAA", "CAA", "CERT", "CNAME", "DNSKEY", "DS", "HTTPS", "LOC", "MX",
            "NAPTR", "NS", "PTR", "SMIMEA", "SRV", "SSHFP", "SVCB", "TLSA", "TXT", "URI");
    private static final Set<String> PROXIABLE = Set.of("A", "AAAA", "CNAME");
    private static final Set<String> HOST_CONTENT = Set.of("CNAME", "MX", "NS", "PTR");
    private static final Set<String> WITH_PRIORITY = Set.of("MX", "SRV", "URI");
    /** Where the priority goes in the request: SRV keeps it in its data, MX and URI beside the content. */
    private static final Set<String> PRIORITY_ON_TOP = Set.of("MX", "URI");

    static final int NAME_MAX_LENGTH = 255;
    static final int TTL_AUTOMATIC = 1;
    static final int TTL_MIN = 60;
    static final int TTL_MAX = 86_400;
    static final int PRIORITY_MAX = 65_535;
    /** {@code name:value}, the name of letters, digits, underscores and hyphens (the value may be left out). */
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_-]+(:.*)?", Pattern.DOTALL);

    private DnsRecordRequests() {
    }

    /** The body of a create of {@code record} in {@code zone}, or every problem with it. */
    public static DnsRecordRequest create(DnsRecord record, DomainName zone) throws BusinessException {
        Violations problems = new Violations("DnsRecord");
        DnsRecordRequest request = check(record, zone, problems);
        problems.throwIfAny();
        return request;
    }

    /**
     * Adds every problem of {@code record} in {@code zone} to {@code problems}; the request when there is none. The
     * same code checks a save ({@link DnsRecordRules}) and a press.
     */
    static DnsRecordRequest check(DnsRecord record, DomainName zone, Violations problems) {
        String zoneName = DnsRecordNames.zoneName(zone);
        String type = upper(record.getRecordType());
        if (type == null) {
            problems.add("recordType", "is required: one of " + String.join(", ", TYPES));
        } else if (!TYPES.contains(type)) {
            problems.add("recordType", "must be one of " + String.join(", ", TYPES) + ", is " + type);
            type = null;
        }
        String name = DnsRecordNames.fullName(record.getName(), zoneName, problems);
        Integer ttl = ttl(record.getTtl(), problems);
        Integer priority = type == null ? null : priority(type, record.getPriority(), problems);
        Boolean proxied = type == null ? null : proxied(type, record.getProxied(), problems);
        List<String> tags = tags(record.getTags(), problems);
        if (type == null) {
            return null;
        }
        if ("SRV".equals(type) && name != null && !isServiceName(name)) {
            problems.add("name", "an SRV record is named _service._proto (e.g. _sip._tcp." + zoneName + "), is " + name);
        }
        String content = null;
        ObjectNode data = null;
        if (DnsRecordData.TYPES.contains(type)) {
            // Cloudflare builds these records' content from their data; the value field only shows its answer back.
            data = DnsRecordData.check(type, record.getData(), problems);
            if (data != null && "SRV".equals(type) && priority != null) {
                srvPriority(data, priority, problems);
            }
        } else {
            content = content(type, record.getValue(), name, problems);
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new DnsRecordRequest(type, name, content, data, ttl, PRIORITY_ON_TOP.contains(type) ? priority : null,
                proxied, blankToNull(record.getComment()), tags);
    }

    private static String content(String type, String value, String name, Violations problems) {
        if (value == null || value.isBlank()) {
            problems.add("value", "is required for type " + type + ": " + expected(type));
            return null;
        }
        String given = value.strip();
        switch (type) {
            case "A", "AAAA" -> {
                Optional<IpAddress> ip = IpAddress.parse(given).filter(a -> a.version() == (type.equals("A") ? 4 : 6));
                if (ip.isEmpty()) {
                    problems.add("value", "must be " + expected(type) + ", is '" + given + "'");
                    return null;
                }
                return ip.get().text();
            }
            case "CNAME", "MX", "NS", "PTR" -> {
                Optional<String> host = HostName.parse(given);
                if (host.isEmpty()) {
                    problems.add("value", "must be " + expected(type) + ", is '" + given + "'");
                    return null;
                }
                if (type.equals("CNAME") && host.get().equals(name)) {
                    problems.add("value", "a CNAME record cannot point to its own name " + name);
                    return null;
                }
                return host.get();
            }
            default -> {
                return value;
            }
        }
    }

    private static String expected(String type) {
        return switch (type) {
            case "A" -> "an IPv4 address (e.g. 192.0.2.10)";
            case "AAAA" -> "an IPv6 address (e.g. 2001:db8::10)";
            case "CNAME" -> "the host name this name is an alias of";
            case "MX" -> "the host name of a mail server";
            case "NS" -> "the host name of a name server";
            case "PTR" -> "the host name the address points to";
            default -> "the record's text";
        };
    }

    private static Integer ttl(Long ttl, Violations problems) {
        if (ttl == null) {
            return null;
        }
        if (ttl != TTL_AUTOMATIC && (ttl < TTL_MIN || ttl > TTL_MAX)) {
            problems.add("ttl", "must be " + TTL_AUTOMATIC + " (automatic) or " + TTL_MIN + " to " + TTL_MAX + " seconds, is " + ttl);
            return null;
        }
        return ttl.intValue();
    }

    private static Integer priority(String type, Long priority, Violations problems) {
        if (!WITH_PRIORITY.contains(type)) {
            return null;   // unused by the other types: Cloudflare ignores it, so it is not sent
        }
        if (priority == null) {
            problems.add("priority", "is required for type " + type + ": 0 to " + PRIORITY_MAX + ", lower is preferred");
            return null;
        }
        if (priority < 0 || priority > PRIORITY_MAX) {
            problems.add("priority", "must be 0 to " + PRIORITY_MAX + ", is " + priority);
            return null;
        }
        return priority.intValue();
    }

    private static Boolean proxied(String type, Boolean proxied, Violations problems) {
        if (PROXIABLE.contains(type)) {
            return Boolean.TRUE.equals(proxied);
        }
        if (Boolean.TRUE.equals(proxied)) {
            problems.add("proxied", "only A, AAAA and CNAME records can be proxied by Cloudflare, this one is " + type);
        }
        return null;
    }

    private static List<String> tags(List<String> tags, Violations problems) {
        if (tags == null || tags.isEmpty()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String tag : tags) {
            if (tag == null || !TAG.matcher(tag.strip()).matches()) {
                problems.add("tags", "'" + tag + "' is not a tag: name:value, the name of letters, digits, _ and -");
            } else {
                out.add(tag.strip());
            }
        }
        return out;
    }

    /** An SRV record's priority is a part of its data; the record's priority field says it once. */
    private static void srvPriority(ObjectNode data, int priority, Violations problems) {
        JsonNode given = data.get("priority");
        if (given != null && given.isNumber() && given.asLong() != priority) {
            problems.add("data.priority", "is " + given.asText() + " but priority is " + priority + ": give it once, in priority");
            return;
        }
        data.put("priority", priority);
    }

    private static boolean isServiceName(String name) {
        String[] labels = name.split("\\.");
        return labels.length >= 3 && labels[0].startsWith("_") && labels[1].startsWith("_");
    }

    private static String upper(String value) {
        return value == null || value.isBlank() ? null : value.strip().toUpperCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
