package io.mvinfra.cloudflare.dns;

import java.util.Locale;
import java.util.Optional;

import org.meveo.model.customEntities.DnsRecord;
import org.meveo.model.customEntities.DomainName;

import io.mvinfra.net.HostName;
import io.mvinfra.net.IpAddress;
import io.mvinfra.validation.Violations;

/**
 * What names a DNS record: the full name a record's {@code name} stands for in its zone, and what makes an entity
 * the same record as one Cloudflare lists before it has Cloudflare's id.
 */
public final class DnsRecordNames {

    private DnsRecordNames() {
    }

    /**
     * The full name a record's {@code name} stands for in {@code zone}: {@code @} is the zone itself; a bare label
     * ({@code www}), or service labels ({@code _sip._tcp}), are names in the zone; any other name must end with the
     * zone: a dotted name that does not is taken for a name of another domain and refused, never silently turned
     * into {@code www.example.org.example.com}.
     */
    public static String fullName(String name, String zone, Violations problems) {
        if (name == null || name.isBlank()) {
            problems.add("name", "is required: a bare label (www), @ for " + zone + " itself, or a name ending in ." + zone);
            return null;
        }
        String given = name.strip();
        if (given.equals("@")) {
            return zone;
        }
        if (given.length() > DnsRecordRequests.NAME_MAX_LENGTH) {
            problems.add("name", "must be at most " + DnsRecordRequests.NAME_MAX_LENGTH + " characters, is " + given.length());
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
        if (full.length() > DnsRecordRequests.NAME_MAX_LENGTH) {
            problems.add("name", "must be at most " + DnsRecordRequests.NAME_MAX_LENGTH + " characters with the domain, is " + full.length());
            return null;
        }
        return full;
    }

    /** The zone's name as record names end with it: lower case, in Punycode. */
    public static String zoneName(DomainName zone) {
        return HostName.parse(zone.getName()).orElse(zone.getName());
    }

    /**
     * What makes an entity the same record as one Cloudflare lists, before it has Cloudflare's id: type, full name and
     * content, normalised. Null when it is incomplete or of a type set through {@code data}.
     */
    public static String identity(DnsRecord record, String zoneName) {
        String type = record.getRecordType() == null || record.getRecordType().isBlank() ? null
                : record.getRecordType().strip().toUpperCase(Locale.ROOT);
        String name = fullName(record.getName(), zoneName, new Violations("DnsRecord"));
        return type == null || name == null ? null : identity(type, name, record.getValue());
    }

    public static String identity(CloudflareDnsRecord record) {
        return identity(record.type(), HostName.parse(record.name(), true).orElse(record.name()), record.content());
    }

    private static String identity(String type, String name, String content) {
        if (content == null || content.isBlank() || DnsRecordData.TYPES.contains(type)) {
            return null;
        }
        String normalised = switch (type) {
            case "A", "AAAA" -> IpAddress.parse(content).map(IpAddress::text).orElse(content.strip());
            case "CNAME", "MX", "NS", "PTR" -> HostName.parse(content).orElse(content.strip());
            default -> content;
        };
        return type + " " + name + " " + normalised;
    }
}
