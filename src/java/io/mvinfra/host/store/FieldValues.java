package io.mvinfra.host.store;

import java.math.BigDecimal;
import java.math.BigInteger;
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
import java.util.Locale;
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
    /** RFC 9562's textual form, the only one Meveo and PostgreSQL's uuid type both read back unchanged. */
    private static final Pattern UUID = Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Map<String, Pattern> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();

    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

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
            int position = 0;
            for (Object item : source) {
                position++;
                if (item == null) {
                    out.add(violation(field, "type", "item " + position + " of the list is null; leave it out instead"));
                    continue;
                }
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
                m.forEach((k, v) -> {
                    if (v == null) {
                        out.add(violation(field, "type", "the value of key '" + k + "' is null; leave the key out instead"));
                    } else {
                        map.put(String.valueOf(k), single(field, v, out));
                    }
                });
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
                case STRING, TEXT_AREA, LONG_TEXT, SECRET, LIST -> text(field, raw);
                case LONG -> wholeNumber(raw);
                case DOUBLE -> number(raw);
                case BOOLEAN -> raw instanceof Boolean b ? b : bool(expectText(raw, "true or false"));
                case DATE -> date(raw);
                case ENTITY -> reference(raw);
            };
            check(field, value, out);
            return value;
        } catch (IllegalArgumentException | DateTimeParseException e) {
            out.add(violation(field, "type", e.getMessage()));
        }
        return null;
    }

    /** Only text is text: a JSON true or 12 in a text field is a client's mistake, not the string "true". */
    private static String text(FieldTemplate field, Object raw) {
        if (raw instanceof String s) {
            return s;
        }
        if (raw instanceof Enum<?> e) {
            return e.name();
        }
        throw new IllegalArgumentException("expects text, got " + kind(raw) + (field.isSecret() ? "" : " " + shown(raw)));
    }

    private static String expectText(Object raw, String expected) {
        if (raw instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("expects " + expected + ", got " + kind(raw) + " " + shown(raw));
    }

    /** Exact or refused: 1.5 is not rounded to 1 and -2^63-1 does not wrap around to 2^63-1. */
    private static Long wholeNumber(Object raw) {
        BigDecimal exact = decimal(raw, "a whole number");
        if (exact.signum() != 0 && exact.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("must be a whole number, is " + shown(raw));
        }
        if (exact.compareTo(LONG_MIN) < 0 || exact.compareTo(LONG_MAX) > 0) {
            throw new IllegalArgumentException("is out of range: a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE
                    + " is expected, got " + shown(raw));
        }
        return exact.longValueExact();
    }

    private static Double number(Object raw) {
        double value = raw instanceof Number n && !(raw instanceof BigDecimal || raw instanceof BigInteger) ? n.doubleValue()
                : decimal(raw, "a number").doubleValue();
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("must be a finite number, is " + shown(raw));
        }
        return value;
    }

    private static BigDecimal decimal(Object raw, String expected) {
        if (raw instanceof Double || raw instanceof Float) {
            double d = ((Number) raw).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("must be " + expected + ", is " + raw);
            }
            return new BigDecimal(d);
        }
        if (raw instanceof BigDecimal d) {
            return d;
        }
        if (raw instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (raw instanceof Number n) {
            return BigDecimal.valueOf(n.longValue());
        }
        String text = expectText(raw, expected).trim();
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not " + expected);
        }
    }

    private static String kind(Object raw) {
        return raw instanceof Boolean ? "a boolean" : raw instanceof Number ? "a number"
                : raw instanceof Collection<?> ? "a list" : raw instanceof Map<?, ?> ? "a map" : "a " + raw.getClass().getSimpleName();
    }

    private static String shown(Object raw) {
        String text = String.valueOf(raw);
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private static Boolean bool(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
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
        // a number has no unit a client can be sure of (seconds? milliseconds?): 1e308 would become year 292278994
        String text = expectText(raw, "a date (ISO-8601 text, e.g. 2026-01-31T12:00:00Z)").trim();
        try {
            return InstantText.parse(text);
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
                : raw instanceof org.meveo.model.customEntities.CustomEntityInstance cei ? cei.getUuid()
                : expectText(raw, "an entity uuid").trim();
        if (uuid == null || !UUID.matcher(uuid).matches()) {
            throw new IllegalArgumentException("'" + raw + "' is not an entity uuid");
        }
        return uuid.toLowerCase(Locale.ROOT);
    }

    /**
     * The uuid a new entity gets: the host's own, or one the caller brings, which must be a real UUID.
     * Bringing one is how entities keep their identity when moved from a Meveo (or another host) together with
     * the references between them; a uuid the store did not check could never be sent back to Meveo.
     */
    public static String newEntityUuid(String entity, Object chosen, java.util.function.Supplier<String> generated) {
        if (chosen == null || chosen instanceof String s && s.isBlank()) {
            return generated.get();
        }
        if (!(chosen instanceof String s) || !UUID.matcher(s.trim()).matches()) {
            throw new StoreException(List.of(new Violation(entity, "uuid", "type",
                    "'" + shown(chosen) + "' is not a UUID (e.g. 0190a3f2-7c4e-7d1a-9b2c-3e4f5a6b7c8d); leave it out to get one")));
        }
        return s.trim().toLowerCase(Locale.ROOT);
    }

    /** Lengths are in characters as a person counts them (code points), not in UTF-16 units. */
    static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    private static void check(FieldTemplate field, Object value, List<Violation> out) {
        if (value instanceof String s) {
            if (field.type() == FieldType.LIST && !field.listValues().containsKey(s)) {
                out.add(violation(field, "listValues", "'" + s + "' is not one of " + field.listValues().keySet()));
            }
            if (field.maxValue() != null && field.type() != FieldType.ENTITY && length(s) > field.maxValue()) {
                out.add(violation(field, "maxValue", "is " + length(s) + " characters long, at most " + field.maxValue() + " allowed"));
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
