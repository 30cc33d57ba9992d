package io.mvinfra.module;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The entity POJOs scripts compile against are generated from the field descriptors; this holds the
 * generator to MEVEO-CONTRACT.md's type rules, so a script never reads a field Meveo does not store.
 */
class EntityPojosMatchTemplatesTest {

    private static final Path PROJECT = Path.of(System.getProperty("mvinfra.projectDir", "."));
    private static final String POJO_PACKAGE = "org.meveo.model.customEntities.";
    private static final String ENTITY_CLAZZ = "org.meveo.model.customEntities.CustomEntityTemplate - ";
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<String> templates() {
        try (Stream<Path> files = Files.list(PROJECT.resolve("customEntityTemplates"))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".json"))
                    .map(name -> name.substring(0, name.length() - ".json".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void pojoFieldsAreExactlyTheFieldTemplatesWithTheirJavaTypes(String cet) throws Exception {
        Map<String, String> expected = new TreeMap<>();
        for (JsonNode cft : fieldTemplates(cet)) {
            expected.put(cft.path("code").asText(), javaType(cft));
        }

        Map<String, String> declared = declaredFields(Class.forName(POJO_PACKAGE + cet));

        assertThat(declared.keySet()).as("fields of POJO %s that no field template declares", cet)
                .isSubsetOf(expected.keySet());
        assertThat(expected.keySet()).as("field templates of %s missing from its POJO", cet)
                .isSubsetOf(declared.keySet());
        assertThat(declared).as("Java types of POJO %s", cet).isEqualTo(expected);
    }

    @Test
    void everyEntityFieldReferencesAnExistingTemplate() {
        Set<String> templates = Set.copyOf(templates());
        Map<String, String> references = new TreeMap<>();
        for (String cet : templates) {
            for (JsonNode cft : fieldTemplates(cet)) {
                if (cft.path("fieldType").asText().equals("ENTITY")) {
                    references.put(cet + "." + cft.path("code").asText(), cft.path("entityClazz").asText());
                }
            }
        }

        Map<String, String> dangling = references.entrySet().stream()
                .filter(e -> !e.getValue().startsWith(ENTITY_CLAZZ)
                        || !templates.contains(e.getValue().substring(ENTITY_CLAZZ.length())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

        assertThat(references).as("ENTITY fields").isNotEmpty();
        assertThat(dangling).as("ENTITY fields whose entityClazz names no template").isEmpty();
    }

    @Test
    void toStringNeverShowsASecretFieldsValue() throws Exception {
        int secrets = 0;
        for (String cet : templates()) {
            List<String> secretCodes = fieldTemplates(cet).stream()
                    .filter(cft -> cft.path("fieldType").asText().equals("SECRET"))
                    .map(cft -> cft.path("code").asText())
                    .toList();
            if (secretCodes.isEmpty()) {
                continue;
            }
            Class<?> pojoClass = Class.forName(POJO_PACKAGE + cet);
            Object pojo = pojoClass.getDeclaredConstructor().newInstance();
            for (String code : secretCodes) {
                String canary = "canary-" + code + "-5e1f";
                pojoClass.getMethod(setter(code), String.class).invoke(pojo, canary);
                assertThat(pojoClass.getMethod(getter(code)).invoke(pojo)).isEqualTo(canary);
                secrets++;
            }

            String shown = pojo.toString();

            assertThat(shown).as("%s.toString()", cet).doesNotContain("canary");
        }
        assertThat(secrets).as("SECRET fields checked").isPositive();
    }

    private static List<JsonNode> fieldTemplates(String cet) {
        Path dir = PROJECT.resolve("customFieldTemplates").resolve("CE_" + cet);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().map(p -> {
                try {
                    return JSON.readTree(p.toFile());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The type MEVEO-CONTRACT.md gives a field, spelled as {@link java.lang.reflect.Type#getTypeName()} does. */
    private static String javaType(JsonNode cft) {
        String type = switch (cft.path("fieldType").asText()) {
            case "STRING", "LIST", "TEXT_AREA", "LONG_TEXT", "SECRET" -> "java.lang.String";
            case "LONG" -> "java.lang.Long";
            case "DOUBLE" -> "java.lang.Double";
            case "BOOLEAN" -> "java.lang.Boolean";
            case "DATE" -> "java.time.Instant";
            case "ENTITY" -> POJO_PACKAGE + cft.path("entityClazz").asText().replace(ENTITY_CLAZZ, "");
            default -> "no Java type for fieldType " + cft.path("fieldType").asText();
        };
        return switch (cft.path("storageType").asText("SINGLE")) {
            case "LIST" -> "java.util.List<" + type + ">";
            case "MAP" -> "java.util.Map<java.lang.String, " + type + ">";
            default -> type;
        };
    }

    private static Map<String, String> declaredFields(Class<?> pojo) {
        Map<String, String> fields = new TreeMap<>();
        for (Field field : pojo.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic() && !field.getName().equals("uuid")) {
                fields.put(field.getName(), field.getGenericType().getTypeName());
            }
        }
        return fields;
    }

    private static String setter(String code) {
        return "set" + Character.toUpperCase(code.charAt(0)) + code.substring(1);
    }

    private static String getter(String code) {
        return "get" + Character.toUpperCase(code.charAt(0)) + code.substring(1);
    }
}
