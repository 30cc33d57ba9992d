package io.mvinfra.host.store;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;

import io.mvinfra.host.module.FieldTemplate;

/**
 * The two columns of an entity row made from its values: {@code fields}, the values as one JSON document (read back by
 * {@link EntityJson}), and {@code search_text} (see {@link EntityIndex}), in one pass that formats each value once. A
 * first sync writes 10 000 rows: building a plain copy of each map for an ObjectMapper, then formatting its dates a
 * second time for the search text, was a tenth of the pressing thread.
 */
record EntityRow(String json, String searchText) {

    /** The row of {@code values}, each a canonical value of the field of {@code fields} it is keyed by. */
    static EntityRow of(Map<String, FieldTemplate> fields, Map<String, Object> values) {
        StringWriter out = new StringWriter(1024);
        StringBuilder search = new StringBuilder();
        try (JsonGenerator json = EntityJson.generator(out)) {
            json.writeStartObject();
            for (Map.Entry<String, Object> e : values.entrySet()) {
                json.writeFieldName(e.getKey());
                FieldTemplate field = fields.get(e.getKey());
                boolean searched = field != null && EntityIndex.searchable(field);
                Object value = e.getValue();
                if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
                    write(json, value, null);
                    if (searched) {
                        EntityIndex.keys(value).forEach(key -> searchable(search, key));
                    }
                } else {
                    write(json, value, searched ? search : null);
                }
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("an entity's values do not write as JSON: " + e.getMessage(), e);
        }
        return new EntityRow(out.toString(), search.isEmpty() ? null : search.toString());
    }

    /** One value into the JSON; a scalar's text also into {@code search} when it is searched there. */
    private static void write(JsonGenerator json, Object value, StringBuilder search) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String s) {
            json.writeString(s);
            searchable(search, s);
        } else if (value instanceof Instant i) {
            String text = InstantText.format(i);
            json.writeString(text);
            searchable(search, text);
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
            searchable(search, b.toString());
        } else if (value instanceof Long || value instanceof Integer) {
            json.writeNumber(((Number) value).longValue());
            searchable(search, EntityIndex.key(value));
        } else if (value instanceof Double d) {
            json.writeNumber(d);
            searchable(search, EntityIndex.key(d));
        } else if (value instanceof Collection<?> c) {
            json.writeStartArray();
            for (Object item : c) {
                write(json, item, null);
            }
            json.writeEndArray();
        } else if (value instanceof Map<?, ?> m) {
            json.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                json.writeFieldName(String.valueOf(e.getKey()));
                write(json, e.getValue(), null);
            }
            json.writeEndObject();
        } else {
            throw new IllegalStateException("not a canonical field value: a " + value.getClass().getName());
        }
    }

    private static void searchable(StringBuilder search, String key) {
        if (search != null && key.length() <= EntityIndex.INDEXED_LENGTH) {
            search.append(EntityIndex.SEPARATOR).append(key.replace(EntityIndex.SEPARATOR, ' '));
        }
    }
}
