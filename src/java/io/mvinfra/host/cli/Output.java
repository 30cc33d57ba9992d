package io.mvinfra.host.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.mvinfra.host.store.StoredEntity;

/** Prints for people (aligned columns) or for tools (stable JSON). Secrets are always masked. */
final class Output {
    /** Built on first use: a table never pays for it. */
    static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    /** The same documents as {@link Json}, in YAML. */
    static final class Yaml {
        static final ObjectMapper MAPPER = new YAMLMapper().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    private Output() {
    }

    static Map<String, Object> entityJson(StoredEntity e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("uuid", e.uuid());
        out.put("entity", e.cet());
        out.put("version", e.version());
        out.put("createdAt", e.createdAt());
        out.put("updatedAt", e.updatedAt());
        out.put("fields", e.masked());
        return out;
    }

    static void json(PrintWriter out, Object value) {
        try {
            out.println(Json.MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Instant i) {
            return i.toString();
        }
        if (value instanceof List<?> l) {
            return String.join(",", l.stream().map(Output::text).toList());
        }
        if (value instanceof Map<?, ?> m) {
            List<String> pairs = new ArrayList<>();
            m.forEach((k, v) -> pairs.add(k + "=" + text(v)));
            return String.join(";", pairs);
        }
        return value.toString();
    }

    static void table(PrintWriter out, List<String> headers, List<List<String>> rows) {
        int[] widths = headers.stream().mapToInt(String::length).toArray();
        widen(widths, rows);
        out.println(line(headers, widths));
        rows.forEach(r -> out.println(line(r, widths)));
    }

    /** Widens each column to its longest cell, up to 60 characters. */
    static void widen(int[] widths, List<List<String>> rows) {
        for (int i = 0; i < widths.length; i++) {
            for (List<String> row : rows) {
                widths[i] = Math.min(60, Math.max(widths[i], row.get(i).length()));
            }
        }
    }

    static String line(List<String> cells, int[] widths) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i).replace('\n', ' ');
            if (cell.length() > widths[i]) {
                cell = cell.substring(0, widths[i] - 1) + "…";
            }
            s.append(i == cells.size() - 1 ? cell : String.format("%-" + widths[i] + "s  ", cell));
        }
        return s.toString().stripTrailing();
    }
}
