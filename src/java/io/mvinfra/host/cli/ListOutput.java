package io.mvinfra.host.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.mvinfra.host.module.EntityTemplate;
import io.mvinfra.host.module.FieldTemplate;
import io.mvinfra.host.runtime.HostException;
import io.mvinfra.host.store.StoredEntity;

/**
 * Prints {@code entity list} rows page by page as they arrive, so that {@code --all} never holds every row: a table
 * (references by name), a JSON array or YAML sequence (the entity as {@code entity get --json} shows it, references
 * as uuids) or CSV (a header, then one line per entity, references as uuids). Secrets are masked in every format.
 */
final class ListOutput implements AutoCloseable {

    enum Format { TABLE, JSON, YAML, CSV }

    /** What every entity has besides its fields. */
    private static final Map<String, Function<StoredEntity, Object>> META = Map.of("uuid", StoredEntity::uuid, "version",
            StoredEntity::version, "createdAt", StoredEntity::createdAt, "updatedAt", StoredEntity::updatedAt);

    private record Column(String code, FieldTemplate field) {
    }

    private final Format format;
    private final PrintWriter out;
    private final List<Column> columns;
    /** The fields JSON and YAML keep: all of them unless {@code --columns} chose. */
    private final List<String> chosenFields;
    private final References refs;
    private SequenceWriter sequence;
    private int[] widths;

    ListOutput(Format format, PrintWriter out, EntityTemplate template, List<String> chosen, References refs) {
        this.format = format;
        this.out = out;
        this.refs = refs;
        this.columns = new ArrayList<>();
        List<String> codes = chosen == null || chosen.isEmpty() ? defaultColumns(template) : chosen;
        for (String code : codes) {
            FieldTemplate field = template.field(code).orElse(null);
            if (field == null && !META.containsKey(code)) {
                throw new HostException(HostException.Kind.BAD_INPUT, "unknown column " + code + " (columns: uuid, version, createdAt, updatedAt, "
                        + String.join(", ", template.fields().stream().map(FieldTemplate::code).toList()) + ")");
            }
            columns.add(new Column(code, field));
        }
        this.chosenFields = chosen == null || chosen.isEmpty() ? null
                : columns.stream().filter(c -> c.field() != null).map(Column::code).toList();
    }

    private static List<String> defaultColumns(EntityTemplate template) {
        List<String> codes = new ArrayList<>(List.of("uuid"));
        template.fields().stream().filter(FieldTemplate::summary).forEach(f -> codes.add(f.code()));
        return codes;
    }

    void rows(List<StoredEntity> page) {
        try {
            switch (format) {
                case TABLE -> table(page);
                case JSON, YAML -> {
                    if (sequence == null) {
                        ObjectWriter writer = (format == Format.JSON ? Output.Json.MAPPER : Output.Yaml.MAPPER).writer()
                                .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                        sequence = writer.writeValuesAsArray(out);
                    }
                    for (StoredEntity e : page) {
                        sequence.write(document(e));
                    }
                }
                case CSV -> {
                    if (sequence == null) {
                        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
                        columns.forEach(c -> schema.addColumn(c.code()));
                        sequence = Csv.MAPPER.writer(schema.build()).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValues(out);
                    }
                    for (StoredEntity e : page) {
                        sequence.write(cells(e, false));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the output: closes the JSON array, prints a table's header when no row came. */
    @Override
    public void close() {
        try {
            if (sequence == null && format != Format.TABLE) {
                rows(List.of());
            }
            if (sequence != null) {
                sequence.close();
                if (format == Format.JSON) {
                    out.println();
                }
            } else if (widths == null) {
                table(List.of());
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each page aligned on the widest cells seen so far (at most 60): a first page of 1000 rows sets them for the rest. */
    private void table(List<StoredEntity> page) {
        List<List<String>> rows = page.stream().map(e -> cells(e, true)).toList();
        boolean first = widths == null;
        if (first) {
            widths = new int[columns.size()];
            for (int i = 0; i < widths.length; i++) {
                widths[i] = columns.get(i).code().length();
            }
        }
        Output.widen(widths, rows);
        if (first) {
            out.println(Output.line(columns.stream().map(Column::code).toList(), widths));
        }
        rows.forEach(r -> out.println(Output.line(r, widths)));
    }

    private List<String> cells(StoredEntity e, boolean names) {
        Map<String, Object> masked = e.masked();
        List<String> cells = new ArrayList<>(columns.size());
        for (Column c : columns) {
            if (c.field() == null) {
                cells.add(Output.text(META.get(c.code()).apply(e)));
            } else {
                Object value = masked.get(c.code());
                cells.add(names ? refs.text(c.field(), value) : Output.text(value));
            }
        }
        return cells;
    }

    private Map<String, Object> document(StoredEntity e) {
        Map<String, Object> json = Output.entityJson(e);
        if (chosenFields != null) {
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) json.get("fields");
            Map<String, Object> kept = new LinkedHashMap<>();
            chosenFields.stream().filter(fields::containsKey).forEach(code -> kept.put(code, fields.get(code)));
            json.put("fields", kept);
        }
        return json;
    }

    /** Built on first use: a table never pays for it. */
    private static final class Csv {
        static final CsvMapper MAPPER = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
    }
}
