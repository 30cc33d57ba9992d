package io.mvinfra.cloudflare.dns;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

import io.mvinfra.net.HostName;
import io.mvinfra.net.IpAddress;

/**
 * A DNS record as Cloudflare answers it, and how it compares with what is wanted: names and host names whatever
 * their case or final dot, IPv6 addresses whatever their notation, numbers whatever their scale.
 *
 * @param content formatted by Cloudflare for the types set through {@code data} (SRV, LOC, CAA…)
 * @param data    the structured value of those types; an empty object or absent for the others
 * @param ttl     1 means automatic
 * @param locked  a record Cloudflare manages itself and refuses to change
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CloudflareDnsRecord(String id, String type, String name, String content, JsonNode data, Integer ttl,
                                  Integer priority, Boolean proxied, Boolean proxiable, Boolean locked, String comment,
                                  List<String> tags, Instant createdOn, Instant modifiedOn) {

    public CloudflareDnsRecord {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** Whether {@code data} holds anything: Cloudflare sends {@code {}} for the types that have none. */
    public boolean carriesData() {
        return data != null && data.isObject() && !data.isEmpty();
    }

    /** The record {@code wanted} would create: same type, name and content, or data. What Cloudflare calls a duplicate. */
    public boolean isIdenticalTo(DnsRecordRequest wanted) {
        return wanted.type().equalsIgnoreCase(type) && hasName(wanted.name())
                && (wanted.content() != null ? hasContent(wanted.content()) : hasData(wanted.data()));
    }

    public boolean hasName(String wanted) {
        return sameHost(wanted, name, true);
    }

    public boolean hasContent(String wanted) {
        if (content == null || wanted == null) {
            return content == wanted;
        }
        return switch (type) {
            case "AAAA" -> IpAddress.parse(wanted).equals(IpAddress.parse(content));
            case "CNAME", "MX", "NS", "PTR" -> sameHost(wanted, content, false);
            default -> wanted.equals(content);
        };
    }

    /** Every field of {@code wanted} is in {@code data} with the same value; Cloudflare may add defaults of its own. */
    public boolean hasData(JsonNode wanted) {
        if (data == null || !data.isObject()) {
            return wanted == null || wanted.isEmpty();
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = wanted.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = data.get(field.getKey());
            if (value == null || !sameValue(field.getValue(), value)) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameHost(String a, String b, boolean wildcard) {
        return a != null && b != null && HostName.parse(a, wildcard).isPresent()
                && HostName.parse(a, wildcard).equals(HostName.parse(b, wildcard));
    }

    private static boolean sameValue(JsonNode wanted, JsonNode found) {
        if (wanted.isNumber() && found.isNumber()) {
            return new BigDecimal(wanted.asText()).compareTo(new BigDecimal(found.asText())) == 0;
        }
        if (wanted.isTextual() && found.isTextual()) {
            return wanted.asText().equals(found.asText()) || sameHost(wanted.asText(), found.asText(), false);
        }
        return wanted.equals(found);
    }
}
