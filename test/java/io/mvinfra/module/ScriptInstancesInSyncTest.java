package io.mvinfra.module;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mvinfra.host.module.ScriptInstanceGenerator;
import support.TestHosts;

/**
 * scriptInstances/*.json are generated from scripts/: a hand edit or a stale copy fails here. Every button's and
 * job's script is MANUAL (it commits what it makes durable on Meveo's userTx); every other script SAME.
 */
class ScriptInstancesInSyncTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyScriptInstanceIsExactlyWhatTheGeneratorWritesFromScripts() throws IOException {
        Path project = TestHosts.projectDir();
        Map<String, String> expected = ScriptInstanceGenerator.render(project);
        Map<String, String> actual = new TreeMap<>();
        try (Stream<Path> files = Files.list(project.resolve("scriptInstances"))) {
            for (Path f : files.toList()) {
                actual.put(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
            }
        }

        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((file, text) -> assertThat(actual.get(file)).as(file).isEqualTo(text));
        assertThat(expected).isNotEmpty();
    }

    @Test
    void theScriptOfEveryButtonAndJobIsManualAndNoOtherScriptIs() throws IOException {
        Path project = TestHosts.projectDir();
        Set<String> entryPoints = new TreeSet<>();
        try (Stream<Path> actions = Files.walk(project.resolve("entityCustomActions"))) {
            for (Path action : actions.filter(p -> p.toString().endsWith(".json")).toList()) {
                entryPoints.add(JSON.readTree(action.toFile()).get("script").asText());
            }
        }
        try (Stream<Path> jobs = Files.list(project.resolve("jobInstances"))) {
            for (Path job : jobs.toList()) {
                for (JsonNode field : JSON.readTree(job.toFile()).at("/customFields/customField")) {
                    if ("ScriptingJob_script".equals(field.get("code").asText())) {
                        entryPoints.add(field.at("/entityReferenceValue/code").asText());
                    }
                }
            }
        }
        Map<String, String> manual = new TreeMap<>();
        Map<String, String> others = new TreeMap<>();
        try (Stream<Path> files = Files.list(project.resolve("scriptInstances"))) {
            for (Path f : files.toList()) {
                JsonNode instance = JSON.readTree(f.toFile());
                String code = instance.get("code").asText();
                (entryPoints.contains(code) ? manual : others).put(code, instance.get("transactionType").asText());
            }
        }

        assertThat(manual.keySet()).containsExactlyElementsOf(entryPoints).contains("io.mvinfra.credentials.RefreshTokens");
        assertThat(manual).allSatisfy((code, type) -> assertThat(type).as(code).isEqualTo("MANUAL"));
        assertThat(others).containsKeys("io.mvinfra.storage.ModuleScript", "io.mvinfra.buttons.ProviderButton", "io.mvinfra.cloudflare.CloudflareButton")
                .allSatisfy((code, type) -> assertThat(type).as(code).isEqualTo("SAME"));
    }
}
