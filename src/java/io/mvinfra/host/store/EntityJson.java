package io.mvinfra.host.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

/**
 * An entity row's {@code fields} column read with Jackson's streaming parser into what an ObjectMapper's untyped
 * reading gives (maps in order, lists, strings, Integer/Long/BigInteger, Double, Boolean, null). Building an
 * ObjectMapper and its first deserializer cost a one-shot {@code entity get} some 20 ms of CPU and 400-odd classes.
 */
final class EntityJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private EntityJson() {
    }

    /** A generator writing what {@link #read} reads back. */
    static JsonGenerator generator(java.io.Writer out) throws IOException {
        return FACTORY.createGenerator(out);
    }

    static Map<String, Object> read(String json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("corrupt entity row: not a JSON object");
            }
            return object(parser);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt entity row: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("corrupt entity row: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> object(JsonParser parser) throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            map.put(name, value(parser));
        }
        return map;
    }

    private static Object value(JsonParser parser) throws IOException {
        return switch (parser.currentToken()) {
            case START_OBJECT -> object(parser);
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(parser));
                }
                yield list;
            }
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getNumberValue();
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new JsonParseException(parser, "unexpected " + parser.currentToken());
        };
    }
}
