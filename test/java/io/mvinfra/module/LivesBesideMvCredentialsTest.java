package io.mvinfra.module;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import support.TestHosts;

/**
 * Installed in one Meveo with webdrone-fr/mv-credentials (which the original module required and which owns the
 * {@code Credential} template), this module updates that one template rather than adding a second: same code, every
 * field of mv-credentials 1.2.5 kept with a compatible type, list values only ever added.
 */
class LivesBesideMvCredentialsTest {

    /** mv-credentials 1.2.5's Credential fields and types, as its customFieldTemplates/CE_Credential declare them. */
    private static final Map<String, String> MV_CREDENTIALS_FIELDS = Map.ofEntries(
            Map.entry("apiKey", "STRING"), Map.entry("authenticationType", "LIST"), Map.entry("credit", "LONG"),
            Map.entry("domainName", "STRING"), Map.entry("headerKey", "STRING"), Map.entry("headerValue", "STRING"),
            Map.entry("lastConnection", "DATE"), Map.entry("password", "STRING"), Map.entry("passwordSecret", "SECRET"),
            Map.entry("refreshToken", "STRING"), Map.entry("status", "LIST"), Map.entry("token", "STRING"),
            Map.entry("tokenExpiry", "DATE"), Map.entry("username", "STRING"));
    private static final Map<String, List<String>> MV_CREDENTIALS_LIST_VALUES = Map.of(
            "authenticationType", List.of("BASIC_HTTP", "HEADER", "OAUTH2", "SSH"),
            "status", List.of("ACTIVE", "INACTIVE"));

    private final ObjectMapper json = new ObjectMapper();
    private final Path project = TestHosts.projectDir();

    @Test
    void moduleDeclaresMvCredentialsAsADependency() throws IOException {
        JsonNode module = json.readTree(project.resolve("module.json").toFile());

        assertThat(module.path("moduleDependencies")).anySatisfy(dependency -> {
            assertThat(dependency.path("code").asText()).isEqualTo("mv-credentials");
            assertThat(dependency.path("gitUrl").asText()).isEqualTo("https://github.com/webdrone-fr/mv-credentials.git");
        });
    }

    @Test
    void everyFieldOfMvCredentialsIsKeptWithACompatibleTypeAndItsListValues() throws IOException {
        Path fields = project.resolve("customFieldTemplates/CE_Credential");
        Map<String, JsonNode> ours;
        try (Stream<Path> files = Files.list(fields)) {
            ours = files.collect(Collectors.toMap(p -> p.getFileName().toString().replace(".json", ""), this::read));
        }

        MV_CREDENTIALS_FIELDS.forEach((code, type) -> {
            assertThat(ours).as("field " + code).containsKey(code);
            String mine = ours.get(code).path("fieldType").asText();
            // A text field may become SECRET (encrypted at rest, still text); nothing else may change type.
            assertThat(mine).as("type of " + code).isIn(type, type.equals("STRING") ? "SECRET" : type);
        });
        MV_CREDENTIALS_LIST_VALUES.forEach((code, values) -> {
            List<String> mine = List.copyOf(iterable(ours.get(code).path("listValues").fieldNames()));
            assertThat(mine).as("list values of " + code).containsAll(values);
        });
        assertThat(read(project.resolve("customEntityTemplates/Credential.json")).path("code").asText()).isEqualTo("Credential");
    }

    private JsonNode read(Path file) {
        try {
            return json.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> List<T> iterable(Iterator<T> it) {
        List<T> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
