package io.mvinfra.host.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mvinfra.host.Host;
import io.mvinfra.host.HostSettings;
import support.TestHosts;

/** The compact module the build writes: the same module the JSON gives, built from exactly the descriptors in git. */
class CompactModuleTest {

    @TempDir
    Path temp;

    @Test
    void theBuildsCompactCopyIsBuiltFromTheDescriptorsAsTheyAreNow() throws IOException {
        byte[] bundled = bundledBytes();

        assertThat(CompactModule.fingerprintOf(bundled)).as("target/classes/module/module.compact is stale: run mvn process-classes")
                .isEqualTo(CompactModule.fingerprint(TestHosts.projectDir()));
    }

    @Test
    void decodesToTheModuleTheLoaderReadsFromTheJson() throws IOException {
        Module json = ModuleLoader.load(TestHosts.projectDir());
        Module compact = CompactModule.decode(bundledBytes(), json.location(), CompactModule.fingerprint(TestHosts.projectDir()));

        assertThat(compact).isNotNull();
        assertThat(compact.entities().keySet()).containsExactlyElementsOf(json.entities().keySet());
        json.entities().forEach((cet, template) -> assertThat(compact.entity(cet)).as(cet).contains(template));
        assertThat(compact.actions().keySet()).containsExactlyElementsOf(json.actions().keySet());
        json.entities().keySet().forEach(cet -> assertThat(compact.actionsOf(cet)).as(cet).isEqualTo(json.actionsOf(cet)));
        assertThat(compact.jobs()).isEqualTo(json.jobs());
        assertThat(compact.timers()).isEqualTo(json.timers());
        assertThat(compact.categories()).isEqualTo(json.categories());
        assertThat(compact).isEqualTo(json);
    }

    @Test
    void roundTripsTheSampleModule() throws IOException {
        Module sample = ModuleLoader.load(TestHosts.sampleModule());
        String fingerprint = CompactModule.fingerprint(TestHosts.sampleModule());

        Module decoded = CompactModule.decode(CompactModule.encode(sample, DescriptorIndex.of(TestHosts.sampleModule())), sample.location(), fingerprint);

        assertThat(decoded).isEqualTo(sample);
        assertThat(decoded.action("Gadget", "enabledOnly").orElseThrow().applicableOnEl()).contains("enabled");
        assertThat(decoded.entity("Gadget").orElseThrow().field("owner").orElseThrow().referencedEntity()).isEqualTo("Owner");
    }

    @Test
    void isNotUsedForDescriptorsItWasNotBuiltFrom() throws IOException {
        Module sample = ModuleLoader.load(TestHosts.sampleModule());
        byte[] compact = CompactModule.encode(sample, DescriptorIndex.of(TestHosts.sampleModule()));
        Path edited = copyOf(TestHosts.sampleModule(), "module");
        Path size = edited.resolve("customFieldTemplates/CE_Gadget/size.json");
        Files.writeString(size, Files.readString(size).replace("\"LONG\"", "\"INTEGER\""));

        assertThat(CompactModule.decode(compact, edited.toString(), CompactModule.fingerprint(edited))).isNull();
    }

    @Test
    void aOneShotCommandOnAnEditedModuleDirectoryStillHasItRefusedWhole() throws IOException {
        Path edited = copyOf(TestHosts.projectDir(), "module");
        Path dnsType = edited.resolve("customFieldTemplates/CE_DnsRecord/recordType.json");
        Files.writeString(dnsType, Files.readString(dnsType).replace("\"LIST\"", "\"NO_SUCH_TYPE\""));
        HostSettings settings = HostSettings.from(Map.of(), temp.resolve("home"), null, edited);

        assertThatThrownBy(() -> Host.moduleForCommand(settings)).isInstanceOf(ModuleException.class)
                .hasMessageContaining("customFieldTemplates/CE_DnsRecord/recordType.json: fieldType: unknown value 'NO_SUCH_TYPE'");
    }

    @Test
    void aOneShotCommandOnTheCheckoutReadsTheCompactCopy() {
        HostSettings settings = HostSettings.from(Map.of(), temp.resolve("home"), null, TestHosts.projectDir());

        Module module = Host.moduleForCommand(settings);

        assertThat(module.entities().getClass().getName()).contains("CompactModule");
        assertThat(module.entity("DnsRecord")).isPresent();
    }

    @Test
    void aCheckoutUnchangedSinceTheBuildIsCheckedOnItsStatsAlone() throws IOException {
        Path checkout = agedCopyOf(TestHosts.sampleModule(), "checkout");
        byte[] compact = CompactModule.encode(ModuleLoader.load(checkout), DescriptorIndex.of(checkout));
        Path size = checkout.resolve("customFieldTemplates/CE_Gadget/size.json");
        FileTime before = Files.getLastModifiedTime(size);
        Files.writeString(size, Files.readString(size).replace("\"LONG\"", "\"GNOL\""));   // same size, and the time put back
        Files.setLastModifiedTime(size, before);

        Module module = CompactModule.forDirectory(compact, checkout);

        assertThat(module).as("a file whose size and time are those the build saw is not read again (as git does)").isNotNull();
        assertThat(module.entity("Gadget").orElseThrow().field("size").orElseThrow().type()).isEqualTo(FieldType.LONG);
    }

    @Test
    void aDescriptorEditedToTheSameSizeIsSeenByItsTime() throws IOException {
        Path checkout = agedCopyOf(TestHosts.sampleModule(), "checkout");
        byte[] compact = CompactModule.encode(ModuleLoader.load(checkout), DescriptorIndex.of(checkout));
        Path size = checkout.resolve("customFieldTemplates/CE_Gadget/size.json");
        Files.writeString(size, Files.readString(size).replace("\"LONG\"", "\"GNOL\""));

        assertThat(CompactModule.forDirectory(compact, checkout)).isNull();
    }

    @Test
    void aDescriptorAddedOrRemovedIsSeen() throws IOException {
        Path checkout = agedCopyOf(TestHosts.sampleModule(), "checkout");
        byte[] compact = CompactModule.encode(ModuleLoader.load(checkout), DescriptorIndex.of(checkout));
        Path size = checkout.resolve("customFieldTemplates/CE_Gadget/size.json");
        Path moved = checkout.resolve("customFieldTemplates/CE_Gadget/size2.json");

        Files.move(size, moved);   // a rename keeps the time
        Module renamed = CompactModule.forDirectory(compact, checkout);
        Files.move(moved, size);
        Module back = CompactModule.forDirectory(compact, checkout);

        assertThat(renamed).isNull();
        assertThat(back).isNotNull();
    }

    @Test
    void aFileWrittenTooCloseToTheBuildIsReadAgainEvenWithItsTimePutBack() throws IOException {
        Path checkout = copyOf(TestHosts.sampleModule(), "checkout");   // every file written just now: racy
        byte[] compact = CompactModule.encode(ModuleLoader.load(checkout), DescriptorIndex.of(checkout));
        Path size = checkout.resolve("customFieldTemplates/CE_Gadget/size.json");
        FileTime before = Files.getLastModifiedTime(size);
        Files.writeString(size, Files.readString(size).replace("\"LONG\"", "\"GNOL\""));
        Files.setLastModifiedTime(size, before);

        assertThat(CompactModule.forDirectory(compact, checkout)).isNull();
    }

    @Test
    void anotherDirectoryIsReadInFullEvenWithTheSameStats() throws IOException {
        Path checkout = agedCopyOf(TestHosts.sampleModule(), "checkout");
        byte[] compact = CompactModule.encode(ModuleLoader.load(checkout), DescriptorIndex.of(checkout));
        Path other = copyOf(checkout, "other");
        try (Stream<Path> files = Files.walk(checkout)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(other.resolve(checkout.relativize(f).toString()), Files.getLastModifiedTime(f));
            }
        }
        Path size = other.resolve("customFieldTemplates/CE_Gadget/size.json");
        FileTime before = Files.getLastModifiedTime(size);
        Files.writeString(size, Files.readString(size).replace("\"LONG\"", "\"GNOL\""));
        Files.setLastModifiedTime(size, before);

        assertThat(CompactModule.forDirectory(compact, other)).isNull();
        assertThat(CompactModule.forDirectory(compact, checkout)).isNotNull();
    }

    private static byte[] bundledBytes() throws IOException {
        try (InputStream in = CompactModule.class.getResourceAsStream(CompactModule.RESOURCE)) {
            assertThat(in).as(CompactModule.RESOURCE + " on the class path (built by process-classes)").isNotNull();
            return in.readAllBytes();
        }
    }

    /** A copy whose files were last written an hour ago: none is too young for its stat to be trusted. */
    private Path agedCopyOf(Path module, String name) throws IOException {
        Path copy = copyOf(module, name);
        FileTime anHourAgo = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
        try (Stream<Path> files = Files.walk(copy)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(f, anHourAgo);
            }
        }
        return copy;
    }

    private Path copyOf(Path module, String name) throws IOException {
        Path target = temp.resolve(name);
        Files.createDirectories(target);
        Files.copy(module.resolve("module.json"), target.resolve("module.json"));
        for (String dir : CompactModule.DESCRIPTOR_DIRS) {
            Path source = module.resolve(dir);
            if (!Files.isDirectory(source)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(source)) {
                for (Path p : walk.toList()) {
                    Path to = target.resolve(module.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(p, to);
                    }
                }
            }
        }
        return target;
    }
}
