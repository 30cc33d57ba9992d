package io.mvinfra.cloudflare.dns;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body of a DNS record update ({@code PATCH}): only what changes, every other field null and left out, so a
 * change made meanwhile at Cloudflare to another field is not overwritten. An empty {@code comment} removes the
 * comment, an empty {@code tags} list every tag.
 */
public record DnsRecordPatch(String name, String content, JsonNode data, Integer ttl, Integer priority, Boolean proxied,
                             String comment, List<String> tags) {

    public DnsRecordPatch {
        tags = tags == null ? null : List.copyOf(tags);
    }

    @JsonIgnore
    public boolean isEmpty() {
        return changedFields().isEmpty();
    }

    /** The fields sent, by their Cloudflare names, for an operator's message. */
    @JsonIgnore
    public List<String> changedFields() {
        List<String> fields = new ArrayList<>();
        addIf(fields, "name", name);
        addIf(fields, "content", content);
        addIf(fields, "data", data);
        addIf(fields, "ttl", ttl);
        addIf(fields, "priority", priority);
        addIf(fields, "proxied", proxied);
        addIf(fields, "comment", comment);
        addIf(fields, "tags", tags);
        return fields;
    }

    private static void addIf(List<String> fields, String field, Object value) {
        if (value != null) {
            fields.add(field);
        }
    }
}
