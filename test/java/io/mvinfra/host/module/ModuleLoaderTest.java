package io.mvinfra.host.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import support.TestHosts;

class ModuleLoaderTest {

    @TempDir
    Path temp;

    @Test
    void loadsTheRepositoryModuleWithEveryReferenceResolved() {
        Module module = ModuleLoader.load(TestHosts.projectDir());

        assertThat(module.code()).isEqualTo("mv-infra");
        assertThat(module.entities()).containsKeys("ServiceProvider", "Credential", "DomainName", "DnsRecord", "LockdownRule", "Server",
                "ServerAction", "Image", "Volume", "Snapshot", "SecurityGroup", "SecurityRule", "PublicIp", "Bootscript", "ServerNetwork",
                "ServerUserData", "Backup");
        module.entities().values().forEach(e -> e.fields().stream().filter(FieldTemplate::isReference)
                .forEach(f -> assertThat(module.entities()).as(f.file()).containsKey(f.referencedEntity())));
        module.actions().values().forEach(list -> list.forEach(a -> assertThat(a.script()).as(a.file()).isNotBlank()));
    }

    @Test
    void loadsFieldsInGuiOrderWithTheirRules() {
        Module module = ModuleLoader.load(TestHosts.sampleModule());

        EntityTemplate gadget = module.entity("Gadget").orElseThrow();
        assertThat(gadget.fields()).extracting(FieldTemplate::code).startsWith("name", "size", "weight", "color");
        FieldTemplate size = gadget.field("size").orElseThrow();
        assertThat(size.minValue()).isEqualTo(1L);
        assertThat(size.maxValue()).isEqualTo(100L);
        assertThat(gadget.field("owner").orElseThrow().referencedEntity()).isEqualTo("Owner");
        assertThat(module.action("Gadget", "enabledOnly").orElseThrow().applicableOnEl()).contains("enabled");
        assertThat(module.timers().get("everySecond").cron()).isEqualTo("*/1 * * * * *");
    }

    @Test
    void refusesAnUnknownFieldTypeNamingFileAndField() throws IOException {
        Path module = copyOfSample();
        replace(module.resolve("customFieldTemplates/CE_Gadget/size.json"), "\"LONG\"", "\"INTEGER\"");

        assertThatThrownBy(() -> ModuleLoader.load(module)).isInstanceOf(ModuleException.class)
                .hasMessageContaining("customFieldTemplates/CE_Gadget/size.json: fieldType: unknown value 'INTEGER'");
    }

    @Test
    void refusesADanglingReference() throws IOException {
        Path module = copyOfSample();
        replace(module.resolve("customFieldTemplates/CE_Gadget/owner.json"), "CustomEntityTemplate - Owner", "CustomEntityTemplate - Person");

        assertThatThrownBy(() -> ModuleLoader.load(module))
                .hasMessageContaining("customFieldTemplates/CE_Gadget/owner.json: entityClazz: references entity template Person");
    }

    @Test
    void refusesAButtonWhoseScriptDoesNotExist() throws IOException {
        Path module = copyOfSample();
        replace(module.resolve("entityCustomActions/Gadget/greet.json"), "sample.GreetGadget", "sample.NoSuchScript");

        assertThatThrownBy(() -> ModuleLoader.load(module))
                .hasMessageContaining("entityCustomActions/Gadget/greet.json: script: script class sample.NoSuchScript does not exist");
    }

    @Test
    void refusesADuplicateFieldCode() throws IOException {
        Path module = copyOfSample();
        Path copy = module.resolve("customFieldTemplates/CE_Gadget/Name.json");
        Files.writeString(copy, Files.readString(module.resolve("customFieldTemplates/CE_Gadget/name.json")).replace("\"code\": \"name\"", "\"code\": \"Name\""));

        assertThatThrownBy(() -> ModuleLoader.load(module)).hasMessageContaining("code: duplicate field code");
    }

    @Test
    void refusesKeysMeveoWouldSilentlyDrop() throws IOException {
        Path module = copyOfSample();
        replace(module.resolve("customFieldTemplates/CE_Gadget/size.json"), "\"code\": \"size\",", "\"code\": \"size\", \"maxLength\": 3,");

        assertThatThrownBy(() -> ModuleLoader.load(module))
                .hasMessageContaining("customFieldTemplates/CE_Gadget/size.json: maxLength: unknown key");
    }

    @Test
    void refusesAnInvalidConditionAndAMissingTimerTogether() throws IOException {
        Path module = copyOfSample();
        replace(module.resolve("entityCustomActions/Gadget/enabledOnly.json"), "eq true}", "eq true");
        Files.delete(module.resolve("timerEntities/everySecond.json"));

        assertThatThrownBy(() -> ModuleLoader.load(module)).isInstanceOfSatisfying(ModuleException.class, e -> assertThat(e.problems())
                .anyMatch(p -> p.startsWith("entityCustomActions/Gadget/enabledOnly.json: applicableOnEl: is not a valid EL expression"))
                .anyMatch(p -> p.startsWith("jobInstances/tick.json: timerCode: timer everySecond has no timerEntities/everySecond.json")));
    }

    @Test
    void refusesBrokenJson() throws IOException {
        Path module = copyOfSample();
        Files.writeString(module.resolve("customEntityTemplates/Owner.json"), "{\"code\": \"Owner\",");

        assertThatThrownBy(() -> ModuleLoader.load(module)).hasMessageContaining("customEntityTemplates/Owner.json: is not valid JSON");
    }

    private Path copyOfSample() throws IOException {
        Path source = TestHosts.sampleModule();
        Path target = temp.resolve("module");
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : walk.toList()) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return target;
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }
}
