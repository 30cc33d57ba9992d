package io.mvinfra.host.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.mvinfra.host.module.FieldTemplate;
import io.mvinfra.host.module.FieldType;
import io.mvinfra.host.module.StorageType;

/** An entity row's two columns: the JSON an ObjectMapper wrote of the same values before, and the searchable values. */
class EntityRowTest {
    private static final Instant SYNCED = Instant.parse("2026-12-02T10:15:30.123456Z");

    private final Map<String, FieldTemplate> fields = fields(
            field("name", FieldType.STRING, StorageType.SINGLE),
            field("ttl", FieldType.LONG, StorageType.SINGLE),
            field("weight", FieldType.DOUBLE, StorageType.SINGLE),
            field("proxied", FieldType.BOOLEAN, StorageType.SINGLE),
            field("syncedAt", FieldType.DATE, StorageType.SINGLE),
            field("tags", FieldType.STRING, StorageType.LIST),
            field("labels", FieldType.STRING, StorageType.MAP),
            field("token", FieldType.SECRET, StorageType.SINGLE),
            field("notes", FieldType.LONG_TEXT, StorageType.SINGLE));

    @Test
    void writesTheJsonAnObjectMapperWroteOfTheValuesWithDatesAsIsoText() throws Exception {
        Map<String, Object> values = values();

        EntityRow row = EntityRow.of(fields, values);

        Map<String, Object> plain = new LinkedHashMap<>(values);
        plain.put("syncedAt", SYNCED.toString());
        assertThat(row.json()).isEqualTo(new ObjectMapper().writeValueAsString(plain));
        assertThat(EntityJson.read(row.json())).containsEntry("syncedAt", "2026-12-02T10:15:30.123456Z").containsEntry("ttl", 300);
    }

    @Test
    void searchesEveryValueOnceButSecretsAndLongTexts() {
        EntityRow row = EntityRow.of(fields, values());

        char s = EntityIndex.SEPARATOR;
        assertThat(row.searchText()).isEqualTo(s + "www.example.com" + s + "300" + s + "3" + s + "true" + s + "2026-12-02T10:15:30.123456Z"
                + s + "web" + s + "prod" + s + "edge");
        assertThat(row.searchText()).doesNotContain("ciphertext").doesNotContain("a long note");
    }

    @Test
    void anEntityWithNothingSearchableHasNoSearchText() {
        assertThat(EntityRow.of(fields, Map.of("token", "v1:ciphertext")).searchText()).isNull();
        assertThat(EntityRow.of(fields, Map.of()).json()).isEqualTo("{}");
    }

    @Test
    void aValueNoFieldTypeProducesIsRefusedRatherThanWrittenAsSomethingElse() {
        assertThatThrownBy(() -> EntityRow.of(fields, Map.of("name", new StringBuilder("x"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("java.lang.StringBuilder");
    }

    private static Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", "www.example.com");
        values.put("ttl", 300L);
        values.put("weight", 3.0);
        values.put("proxied", true);
        values.put("syncedAt", SYNCED);
        values.put("tags", List.of("web", "prod", "web"));
        values.put("labels", Map.of("tier", "edge"));
        values.put("token", "v1:ciphertext");
        values.put("notes", "a long note");
        return values;
    }

    private static Map<String, FieldTemplate> fields(FieldTemplate... fields) {
        Map<String, FieldTemplate> byCode = new LinkedHashMap<>();
        for (FieldTemplate f : fields) {
            byCode.put(f.code(), f);
        }
        return byCode;
    }

    private static FieldTemplate field(String code, FieldType type, StorageType storage) {
        return new FieldTemplate("Thing", code, code, type, storage, false, null, null, null, null, null, null, true, false, 0, 0, false, false, false, null);
    }
}
