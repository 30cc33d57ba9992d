package io.mvinfra.cloudflare.dns;

import static java.util.Objects.requireNonNull;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body of a DNS record create ({@code POST /zones/{zone}/dns_records}): {@code content} for the plain types,
 * {@code data} instead for those Cloudflare builds the content of (SRV, LOC, CAA…). Null fields are left out.
 *
 * @param name    the full name, in Punycode
 * @param proxied only for A, AAAA and CNAME
 * @param tags    null or non-empty
 */
public record DnsRecordRequest(String type, String name, String content, JsonNode data, Integer ttl, Integer priority,
                               Boolean proxied, String comment, List<String> tags) {

    public DnsRecordRequest {
        requireNonNull(type, "type");
        requireNonNull(name, "name");
        if ((content == null) == (data == null)) {
            throw new IllegalArgumentException("a DNS record has a content or a data, exactly one");
        }
        tags = tags == null || tags.isEmpty() ? null : List.copyOf(tags);
    }
}
