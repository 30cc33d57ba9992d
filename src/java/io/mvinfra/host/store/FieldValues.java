package io.mvinfra.host.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.mvinfra.host.module.FieldTemplate;
import io.mvinfra.host.module.FieldType;
import io.mvinfra.host.module.StorageType;
import io.mvinfra.host.store.StoreException.Violation;

/**
 * Turns what a user or a script gives (text from the CLI and the web, typed values from scripts) into a
 * field's canonical value, and checks the field's rules. Canonical values: String, Long, Double, Boolean,
 * Instant, a referenced entity's uuid (String), and List / Map of those.
 */
public final class FieldValues {
    private static final Pattern UUID = Pattern.compile("^[0-9a-fA-F-]{8,36}$");
    private static final Map<String, Pattern> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();

    private FieldValues() {
    }

    /** Canonical value, or a violation added to {@code out} and null. Text is split on commas for a list field. */
    public static Object canonical(FieldTemplate field, Object raw, List<Violation> out) {
        if (raw == null || raw instanceof String s && s.isEmpty()) {
            return null;
        }
        if (field.storage() == StorageType.LIST) {
            List<Object> items = new ArrayList<>();
            Collection<?> source = raw instanceof Collection<?> c ? c
                    : raw instanceof String s ? (s.isBlank() ? List.of() : List.of(s.split("\\s*,\\s*"))) : List.of(raw);
            for (Object item : source) {
                Object v = single(field, item, out);
                if (v != null) {
                    items.add(v);
                }
            }
            return items.isEmpty() ? null : items;
        }
        if (field.storage() == StorageType.MAP) {
            Map<String, Object> map = new LinkedHashMap<>();
            if (raw instanceof Map<?, ?> m) {
                m.forEach((k, v) -> map.put(String.valueOf(k), single(field, v, out)));
            } else if (raw instanceof String s) {
                for (String pair : s.split("\\s*;\\s*")) {
                    int eq = pair.indexOf('=');
                    if (eq <= 0) {
                        out.add(violation(field, "type", "expects key=value pairs separated by ';', got '" + pair + "'"));
                        return null;
                    }
                    map.put(pair.substring(0, eq).trim(), single(field, pair.substring(eq + 1).trim(), out));
                }
            } else {
                out.add(violation(field, "type", "expects a map"));
                return null;
            }
            return map.isEmpty() ? null : map;
        }
        return single(field, raw, out);
    }

    private static Object single(FieldTemplate field, Object raw, List<Violation> out) {
        if (raw == null) {
            return null;
        }
        try {
            Object value = switch (field.type()) {
                case STRING, TEXT_AREA, LONG_TEXT, SECRET, LIST -> raw instanceof String s ? s : scalarText(raw);
                case LONG -> raw instanceof Number n ? (Object) n.longValue() : Long.valueOf(raw.toString().trim());
                case DOUBLE -> raw instanceof Number n ? (Object) n.doubleValue() : Double.valueOf(raw.toString().trim());
                case BOOLEAN -> raw instanceof Boolean b ? b : bool(raw.toString());
                case DATE -> date(raw);
                case ENTITY -> reference(raw);
            };
            check(field, value, out);
            return value;
        } catch (NumberFormatException e) {
            out.add(violation(field, "type", "'" + raw + "' is not a " + (field.type() == FieldType.LONG ? "whole number" : "number")));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            out.add(violation(field, "type", e.getMessage()));
        }
        return null;
    }

    private static String scalarText(Object raw) {
        if (raw instanceof Collection<?> || raw instanceof Map<?, ?>) {
            throw new IllegalArgumentException("expects a single value, got " + raw);
        }
        return raw.toString();
    }

    private static Boolean bool(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new IllegalArgumentException("'" + text + "' is not true or false");
        };
    }

    private static Instant date(Object raw) {
        if (raw instanceof Instant i) {
            return i;
        }
        if (raw instanceof Date d) {
            return d.toInstant();
        }
        if (raw instanceof Number n) {
            return Instant.ofEpochMilli(n.longValue());
        }
        String text = raw.toString().trim();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException e3) {
                    throw new IllegalArgumentException("'" + text + "' is not a date (ISO-8601, e.g. 2026-01-31T12:00:00Z or 2026-01-31)");
                }
            }
        }
    }

    private static String reference(Object raw) {
        String uuid = raw instanceof org.meveo.model.CustomEntity e ? e.getUuid()
                : raw instanceof org.meveo.model.customEntities.CustomEntityInstance cei ? cei.getUuid() : raw.toString().trim();
        if (uuid == null || !UUID.matcher(uuid).matches()) {
            throw new IllegalArgumentException("'" + raw + "' is not an entity uuid");
        }
        return uuid;
    }

    private static void check(FieldTemplate field, Object value, List<Violation> out) {
        if (value instanceof String s) {
            if (field.type() == FieldType.LIST && !field.listValues().containsKey(s)) {
                out.add(violation(field, "listValues", "'" + s + "' is not one of " + field.listValues().keySet()));
            }
            if (field.maxValue() != null && field.type() != FieldType.ENTITY && s.length() > field.maxValue()) {
                out.add(violation(field, "maxValue", "is " + s.length() + " characters long, at most " + field.maxValue() + " allowed"));
            }
            if (field.regExp() != null && field.type() != FieldType.ENTITY && !PATTERNS.computeIfAbsent(field.regExp(), Pattern::compile).matcher(s).matches()) {
                out.add(violation(field, "regExp", "'" + (field.isSecret() ? "******" : s) + "' does not match " + field.regExp()));
            }
        } else if (value instanceof Number n) {
            if (field.maxValue() != null && n.doubleValue() > field.maxValue()) {
                out.add(violation(field, "maxValue", "must be at most " + field.maxValue() + ", is " + n));
            }
            if (field.minValue() != null && n.doubleValue() < field.minValue()) {
                out.add(violation(field, "minValue", "must be at least " + field.minValue() + ", is " + n));
            }
        }
    }

    public static Violation violation(FieldTemplate field, String rule, String message) {
        return new Violation(field.entity(), field.code(), rule, message);
    }
}
