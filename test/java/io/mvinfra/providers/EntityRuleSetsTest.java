package io.mvinfra.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.meveo.model.customEntities.CrudEventListenerScript;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import support.TestHosts;

/**
 * The rules the host runs at save are the ones Meveo runs: each template with rules names their class as its
 * {@code crudEventListenerScript}, and each class so named is the registry's and Meveo's hook.
 */
class EntityRuleSetsTest {

    @Test
    void everyTemplateWithRulesNamesThemAsItsMeveoSaveHookAndNoOtherDoes() throws IOException {
        Map<String, String> named = new TreeMap<>();
        try (Stream<Path> files = Files.list(TestHosts.projectDir().resolve("customEntityTemplates"))) {
            for (Path file : files.toList()) {
                JsonNode cet = new ObjectMapper().readTree(file.toFile());
                if (cet.has("crudEventListenerScript")) {
                    named.put(cet.path("code").asText(), cet.path("crudEventListenerScript").asText());
                }
            }
        }

        Map<String, String> registered = new TreeMap<>();
        EntityRuleSets.all().forEach((cet, rules) -> registered.put(cet, rules.getClass().getName()));

        assertThat(named).isEqualTo(registered).containsKeys("DnsRecord", "LockdownRule", "SecurityRule");
        assertThat(EntityRuleSets.all().values()).allSatisfy(r -> assertThat(r).isInstanceOf(CrudEventListenerScript.class));
    }
}
