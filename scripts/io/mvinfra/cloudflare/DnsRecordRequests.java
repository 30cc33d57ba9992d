package io.mvinfra.cloudflare;

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

import io.mvinfra.validation.Violations;
import io.mvinfra.cloudflare.client.CloudflareDnsRecord;
import io.mvinfra.cloudflare.client.DnsRecordPatch;
import io.mvinfra.cloudflare.client.DnsRecordRequest;
import io.mvinfra.http.Json;
import io.mvinfra.net.HostName;
import io.mvinfra.net.IpAddress;

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
     * What the operator changed: the fields where {@code wanted} (the entity, as {@link #create} checked it) differs
     * from {@code current}, Cloudflare's copy. The type cannot change, nor can a record Cloudflare locked.
     */
    public static DnsRecordPatch changes(DnsRecordRequest wanted, CloudflareDnsRecord current) throws BusinessException {
        Violations problems = new Violations("DnsRecord");
        if (!wanted.type().equals(current.type())) {
            problems.add("recordType", "cannot change once the record exists at Cloudflare (it is " + current.type()
                    + " there, " + wanted.type() + " here): delete it and create a new one");
        }
        if (Boolean.TRUE.equals(current.locked())) {
            problems.add("isLocked", current.name() + " is locked by Cloudflare, which refuses any change to it");
        }
        problems.throwIfAny();
        return new DnsRecordPatch(
                current.hasName(wanted.name()) ? null : wanted.name(),
                wanted.content() == null || current.hasContent(wanted.content()) ? null : wanted.content(),
                wanted.data() == null || current.hasData(wanted.data()) ? null : wanted.data(),
                wanted.ttl() == null || wanted.ttl().equals(current.ttl()) ? null : wanted.ttl(),
                wanted.priority() == null || wanted.priority().equals(current.priority()) ? null : wanted.priority(),
                wanted.proxied() == null || wanted.proxied().equals(Boolean.TRUE.equals(current.proxied())) ? null : wanted.proxied(),
                Objects.equals(wanted.comment(), blankToNull(current.comment())) ? null
                        : Objects.requireNonNullElse(wanted.comment(), ""),
                sameTags(wanted.tags(), current.tags()) ? null : Objects.requireNonNullElse(wanted.tags(), List.of()));
    }

    /**
     * The full name a record's {@code name} stands for in {@code zone}: {@code @} is the zone itself; a bare label
     * ({@code www}), or service labels ({@code _sip._tcp}), are names in the zone; any other name must end with the
     * zone: a dotted name that does not is taken for a name of another domain and refused, never silently turned
     * into {@code www.example.org.example.com}.
     */
    static String fullName(String name, String zone, Violations problems) {
        if (name == null || name.isBlank()) {
            problems.add("name", "is required: a bare label (www), @ for " + zone + " itself, or a name ending in ." + zone);
            return null;
        }
        String given = name.strip();
        if (given.equals("@")) {
            return zone;
        }
        if (given.length() > NAME_MAX_LENGTH) {
            problems.add("name", "must be at most " + NAME_MAX_LENGTH + " characters, is " + given.length());
            return null;
        }
        Optional<String> host = HostName.parse(given, true);
        if (host.isEmpty()) {
            problems.add("name", "'" + given + "' is not a DNS name: labels of letters, digits, hyphens and underscores,"
                    + " 1 to 63 characters each, at most " + HostName.MAX_LENGTH + " in all (a first label * for a wildcard)");
            return null;
        }
        String h = host.get();
        boolean relative = !h.contains(".") || h.substring(h.lastIndexOf('.') + 1).startsWith("_");
        String full = relative ? h + "." + zone : h;
        if (!HostName.isWithin(full, zone)) {
            problems.add("name", full + " is not in " + zone + ": give a bare label (www) or a name ending in ." + zone);
            return null;
        }
        if (full.length() > NAME_MAX_LENGTH) {
            problems.add("name", "must be at most " + NAME_MAX_LENGTH + " characters with the domain, is " + full.length());
            return null;
        }
        return full;
    }

    /** The zone's name as record names end with it: lower case, in Punycode. */
    static String zoneName(DomainName zone) {
        return HostName.parse(zone.getName()).orElse(zone.getName());
    }

    /**
     * What makes an entity the same record as one Cloudflare lists, before it has Cloudflare's id: type, full name and
     * content, normalised. Null when it is incomplete or of a type set through {@code data}.
     */
    static String identity(DnsRecord record, String zoneName) {
        String type = upper(record.getRecordType());
        String name = fullName(record.getName(), zoneName, new Violations("DnsRecord"));
        return type == null || name == null ? null : identity(type, name, record.getValue());
    }

    static String identity(CloudflareDnsRecord record) {
        return identity(record.type(), HostName.parse(record.name(), true).orElse(record.name()), record.content());
    }

    private static String identity(String type, String name, String content) {
        if (content == null || content.isBlank() || DataFields.TYPES.contains(type)) {
            return null;
        }
        String normalised = switch (type) {
            case "A", "AAAA" -> IpAddress.parse(content).map(IpAddress::text).orElse(content.strip());
            case "CNAME", "MX", "NS", "PTR" -> HostName.parse(content).orElse(content.strip());
            default -> content;
        };
        return type + " " + name + " " + normalised;
    }

    private static DnsRecordRequest check(DnsRecord record, DomainName zone, Violations problems) {
        String zoneName = zoneName(zone);
        String type = upper(record.getRecordType());
        if (type == null) {
            problems.add("recordType", "is required: one of " + String.join(", ", TYPES));
        } else if (!TYPES.contains(type)) {
            problems.add("recordType", "must be one of " + String.join(", ", TYPES) + ", is " + type);
            type = null;
        }
        String name = fullName(record.getName(), zoneName, problems);
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
        if (DataFields.TYPES.contains(type)) {
            // Cloudflare builds these records' content from their data; the value field only shows its answer back.
            data = DataFields.check(type, record.getData(), problems);
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

    private static boolean sameTags(List<String> a, List<String> b) {
        List<String> x = a == null ? List.of() : a;
        List<String> y = b == null ? List.of() : b;
        return x.size() == y.size() && new HashSet<>(x).equals(new HashSet<>(y));
    }

    private static String upper(String value) {
        return value == null || value.isBlank() ? null : value.strip().toUpperCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * The structured value of the types Cloudflare builds the content of: each field with its type and range, as
     * cloudflare.yaml describes them. A field the schema gives a default may be left out; the others are required.
     */
    static final class DataFields {

        private enum Kind { WHOLE, NUMBER, TEXT, HOST, CHOICE }

        private record Field(String name, Kind kind, BigDecimal min, BigDecimal max, boolean required, List<String> choices) {

            String describe() {
                return switch (kind) {
                    case WHOLE -> "a whole number from " + min.toPlainString() + " to " + max.toPlainString();
                    case NUMBER -> "a number from " + min.toPlainString() + " to " + max.toPlainString();
                    case TEXT -> "text";
                    case HOST -> "a host name";
                    case CHOICE -> "one of " + String.join(", ", choices);
                };
            }
        }

        private static final Map<String, List<Field>> FIELDS = new LinkedHashMap<>();

        static {
            FIELDS.put("CAA", List.of(whole("flags", 255), text("tag"), text("value")));
            FIELDS.put("CERT", List.of(whole("algorithm", 255), text("certificate"), whole("key_tag", 65_535), whole("type", 65_535)));
            FIELDS.put("DNSKEY", List.of(whole("algorithm", 255), whole("flags", 65_535), whole("protocol", 255), text("public_key")));
            FIELDS.put("DS", List.of(whole("algorithm", 255), text("digest"), whole("digest_type", 255), whole("key_tag", 65_535)));
            FIELDS.put("HTTPS", List.of(whole("priority", 65_535), text("target"), text("value")));
            FIELDS.put("LOC", List.of(
                    new Field("altitude", Kind.NUMBER, new BigDecimal("-100000"), new BigDecimal("42849672.95"), true, List.of()),
                    whole("lat_degrees", 90), choice("lat_direction", "N", "S"), optional(whole("lat_minutes", 59)),
                    optional(number("lat_seconds", "59.999")),
                    whole("long_degrees", 180), choice("long_direction", "E", "W"), optional(whole("long_minutes", 59)),
                    optional(number("long_seconds", "59.999")),
                    optional(number("precision_horz", "90000000")), optional(number("precision_vert", "90000000")),
                    optional(number("size", "90000000"))));
            FIELDS.put("NAPTR", List.of(optional(text("flags")), whole("order", 65_535), whole("preference", 65_535),
                    optional(text("regex")), text("replacement"), optional(text("service"))));
            FIELDS.put("SMIMEA", List.of(text("certificate"), whole("matching_type", 255), whole("selector", 255), whole("usage", 255)));
            FIELDS.put("SRV", List.of(whole("port", 65_535), optional(whole("priority", 65_535)),
                    new Field("target", Kind.HOST, null, null, true, List.of()), whole("weight", 65_535),
                    optional(text("service")), optional(text("proto")), optional(text("name"))));
            FIELDS.put("SSHFP", List.of(whole("algorithm", 255), text("fingerprint"), whole("type", 255)));
            FIELDS.put("SVCB", List.of(whole("priority", 65_535), text("target"), text("value")));
            FIELDS.put("TLSA", List.of(text("certificate"), whole("matching_type", 255), whole("selector", 255), whole("usage", 255)));
            FIELDS.put("URI", List.of(text("target"), whole("weight", 65_535)));
        }

        static final Set<String> TYPES = FIELDS.keySet();

        /**
         * SRV data fields the spec keeps but deprecates in favour of the record's name ({@code _sip._tcp.example.com}),
         * and Cloudflare still answers: accepted, so a listed record can be updated, and not sent back.
         */
        private static final List<String> DEPRECATED_SRV = List.of("service", "proto", "name");

        private DataFields() {
        }

        /** {@code json} checked against the fields of {@code type}'s data; null when it has problems. */
        static ObjectNode check(String type, String json, Violations problems) {
            List<Field> fields = FIELDS.get(type);
            if (json == null || json.isBlank()) {
                problems.add("data", "is required for type " + type + ": a JSON object with " + names(fields, true)
                        + (type.equals("SRV") ? " (its priority comes from the priority field)" : ""));
                return null;
            }
            JsonNode parsed;
            try {
                parsed = Json.SNAKE_CASE.readTree(json);
            } catch (IOException notJson) {
                problems.add("data", "is not JSON: " + notJson.getMessage().lines().findFirst().orElse(""));
                return null;
            }
            if (!(parsed instanceof ObjectNode data)) {
                problems.add("data", "must be a JSON object with " + names(fields, true) + " for type " + type);
                return null;
            }
            boolean ok = true;
            for (Iterator<String> it = data.fieldNames(); it.hasNext(); ) {
                String given = it.next();
                if (fields.stream().noneMatch(f -> f.name().equals(given))) {
                    problems.add("data." + given, "is not a field of " + type + " data (" + names(fields, false) + ")");
                    ok = false;
                }
            }
            for (Field field : fields) {
                JsonNode value = data.get(field.name());
                if (value == null || value.isNull()) {
                    if (field.required() && !(type.equals("SRV") && field.name().equals("priority"))) {
                        problems.add("data." + field.name(), "is required for type " + type + ": " + field.describe());
                        ok = false;
                    }
                    continue;
                }
                Optional<JsonNode> checked = value(field, value);
                if (checked.isEmpty()) {
                    problems.add("data." + field.name(), "must be " + field.describe() + ", is " + value);
                    ok = false;
                } else {
                    data.set(field.name(), checked.get());
                }
            }
            if (!ok) {
                return null;
            }
            if (type.equals("SRV")) {
                data.remove(DEPRECATED_SRV);
            }
            return data;
        }

        /** The value in the form Cloudflare takes (a host name in lower case, without its final dot), if it fits. */
        private static Optional<JsonNode> value(Field field, JsonNode value) {
            return switch (field.kind()) {
                case WHOLE, NUMBER -> {
                    if (!value.isNumber() || field.kind() == Kind.WHOLE && !value.canConvertToExactIntegral()) {
                        yield Optional.empty();
                    }
                    BigDecimal number = value.decimalValue();
                    yield number.compareTo(field.min()) < 0 || number.compareTo(field.max()) > 0 ? Optional.empty() : Optional.of(value);
                }
                case TEXT -> value.isTextual() ? Optional.of(value) : Optional.empty();
                case HOST -> value.isTextual() ? HostName.parse(value.asText()).map(Json.SNAKE_CASE.getNodeFactory()::textNode)
                        : Optional.empty();
                case CHOICE -> value.isTextual() && field.choices().contains(value.asText()) ? Optional.of(value) : Optional.empty();
            };
        }

        private static String names(List<Field> fields, boolean requiredOnly) {
            List<String> names = fields.stream().filter(f -> !requiredOnly || f.required()).map(Field::name).toList();
            return String.join(", ", names);
        }

        private static Field whole(String name, int max) {
            return new Field(name, Kind.WHOLE, BigDecimal.ZERO, BigDecimal.valueOf(max), true, List.of());
        }

        private static Field number(String name, String max) {
            return new Field(name, Kind.NUMBER, BigDecimal.ZERO, new BigDecimal(max), true, List.of());
        }

        private static Field text(String name) {
            return new Field(name, Kind.TEXT, null, null, true, List.of());
        }

        private static Field choice(String name, String... choices) {
            return new Field(name, Kind.CHOICE, null, null, true, List.of(choices));
        }

        private static Field optional(Field field) {
            return new Field(field.name(), field.kind(), field.min(), field.max(), false, field.choices());
        }
    }
}
