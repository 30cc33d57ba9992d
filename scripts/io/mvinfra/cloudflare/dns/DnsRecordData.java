package io.mvinfra.cloudflare.dns;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mvinfra.http.Json;
import io.mvinfra.net.HostName;
import io.mvinfra.validation.Violations;

/**
 * The structured value of the types Cloudflare builds the content of: each field with its type and range, as
 * cloudflare.yaml describes them. A field the schema gives a default may be left out; the others are required.
 */
public final class DnsRecordData {

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

    private DnsRecordData() {
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
