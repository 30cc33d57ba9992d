package io.mvinfra.host.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mvinfra.host.module.EntityAction;

/**
 * When a button applies, in words an operator reads: {@code providerSideId is set} rather than
 * {@code ${entity.getCfValuesAsValues().get("providerSideId") ne null}}. An expression it cannot put
 * into words is shown as written, without its {@code ${…}}.
 */
final class ConditionWords {
    private static final Pattern FIELD = Pattern.compile("entity\\.(?:getCfValuesAsValues\\(\\)|cfValuesAsValues)\\.get\\(\"([^\"]+)\"\\)"
            + "|entity\\.(?:getCfValue\\(\"([^\"]+)\"\\))");
    private static final Pattern COMPARISON = Pattern.compile("(\\w+) (eq|==|ne|!=) (null|\"[^\"]*\"|true|false|-?\\d+)");
    private static final Pattern SAME_FIELD_OR = Pattern.compile("(\\w+) is ([^ ]+) or \\1 is ([^ ]+)");

    private ConditionWords() {
    }

    static String of(EntityAction action) {
        String when = ofEl(action.applicableOnEl());
        if (!action.applicableToEntityInstance()) {
            return action.applicableToEntityList() ? "on the list" : "never";
        }
        return action.applicableToEntityList() ? "on the list; on one entity " + when : when;
    }

    static String ofEl(String el) {
        if (el == null || el.isBlank()) {
            return "always";
        }
        String s = el.strip();
        if (s.startsWith("${") && s.endsWith("}")) {
            s = s.substring(2, s.length() - 1).strip();
        }
        Matcher fields = FIELD.matcher(s);
        s = fields.replaceAll(m -> Matcher.quoteReplacement(m.group(1) != null ? m.group(1) : m.group(2)));
        s = COMPARISON.matcher(s).replaceAll(m -> Matcher.quoteReplacement(comparison(m.group(1), m.group(2), m.group(3))));
        s = s.replace("&&", "and").replace("||", "or");
        for (String before = null; !s.equals(before);) {
            before = s;
            s = SAME_FIELD_OR.matcher(s).replaceAll("$1 is $2 or $3");
        }
        return s;
    }

    private static String comparison(String field, String operator, String value) {
        boolean equal = operator.equals("eq") || operator.equals("==");
        if (value.equals("null")) {
            return field + (equal ? " is empty" : " is set");
        }
        String v = value.startsWith("\"") ? value.substring(1, value.length() - 1) : value;
        return field + (equal ? " is " : " is not ") + v;
    }
}
