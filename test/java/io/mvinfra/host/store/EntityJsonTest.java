package io.mvinfra.host.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** An entity row reads back exactly as an ObjectMapper read it before: same values, same types, same order. */
class EntityJsonTest {
    private static final String ROW = "{\"name\":\"www.example.com\",\"ttl\":300,\"big\":9007199254740993,\"huge\":123456789012345678901234567890,"
            + "\"weight\":1.5,\"exp\":2e3,\"proxied\":false,\"locked\":true,\"comment\":null,\"tags\":[\"a\",1,[2.25,null]],"
            + "\"data\":{\"port\":22,\"z\":\"last\",\"a\":{\"deep\":\"é ✓ \\u0001\"}},\"empty\":{},\"none\":[]}";

    @Test
    void readsWhatAnObjectMapperReadsWithTheSameTypesAndOrder() throws Exception {
        Map<String, Object> before = new ObjectMapper().readValue(ROW, new TypeReference<LinkedHashMap<String, Object>>() {
        });

        Map<String, Object> read = EntityJson.read(ROW);

        assertThat(read).isEqualTo(before);
        assertThat(List.copyOf(read.keySet())).containsExactlyElementsOf(before.keySet());
        assertThat(((Map<?, ?>) read.get("data")).keySet()).map(Object::toString).containsExactly("port", "z", "a");
        for (String field : List.of("ttl", "big", "huge", "weight", "exp")) {
            assertThat(read.get(field)).as(field).isExactlyInstanceOf(before.get(field).getClass());
        }
        assertThat(read.get("ttl")).isEqualTo(300);
        assertThat(read.get("big")).isEqualTo(9007199254740993L);
        assertThat(read.get("weight")).isEqualTo(1.5);
    }

    @Test
    void aCorruptRowIsNamedAsSuch() {
        assertThatThrownBy(() -> EntityJson.read("{\"name\":")).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("corrupt entity row: ");
        assertThatThrownBy(() -> EntityJson.read("[1,2]")).isInstanceOf(IllegalStateException.class).hasMessage("corrupt entity row: not a JSON object");
    }
}
