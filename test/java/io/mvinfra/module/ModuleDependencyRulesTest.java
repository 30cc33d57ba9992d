package io.mvinfra.module;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import support.TestHosts;

/**
 * The module's shape, as rules a change cannot break unnoticed. Scripts run unchanged inside Meveo: they may use the
 * Meveo contract (and javax.transaction, which Meveo hands a MANUAL script as "userTx"), OkHttp, Jackson, SLF4J, the JDK
 * and each other — never the stand-alone host. Inside the scripts,
 * a provider family (a package holding a {@code ProviderProfile}) never imports another, and the shared parts name
 * no provider: only the registry of profiles does.
 */
class ModuleDependencyRulesTest {
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    private static final List<String> ALLOWED = List.of("java.", "javax.crypto.", "javax.net.", "javax.transaction.", "org.meveo.", "okhttp3.", "okio.",
            "com.fasterxml.jackson.", "org.slf4j.",
            // the backup store's libraries, declared for Meveo in ScriptInstanceGenerator.MAVEN_DEPENDENCIES
            "io.minio.", "com.github.luben.zstd.", "org.bouncycastle.");
    private static final String MODULE = "io.mvinfra.";
    private static final String REGISTRY = "io.mvinfra.providers";
    /** Service names that belong to one provider family even where its package name does not show. */
    private static final List<String> SERVICE_NAMES = List.of("nova", "keystone", "glance", "cinder", "neutron", "cyclades", "ovh");

    private static Path scripts;
    private static List<Source> sources;
    private static Set<String> providerPackages;

    record Source(Path path, String pkg, String text, List<String> imports) {
        String code() {
            return COMMENT.matcher(text).replaceAll("");
        }

        /** The top-level module package a source is in: {@code io.mvinfra.cloudflare} for {@code io.mvinfra.cloudflare.dns}. */
        String family() {
            return family(pkg);
        }

        static String family(String name) {
            if (!name.startsWith(MODULE)) {
                return name;
            }
            String rest = name.substring(MODULE.length());
            int dot = rest.indexOf('.');
            return MODULE + (dot < 0 ? rest : rest.substring(0, dot));
        }
    }

    @BeforeAll
    static void read() throws IOException {
        scripts = TestHosts.projectDir().resolve("scripts");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(scripts)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        sources = new ArrayList<>();
        for (Path p : files) {
            String text = Files.readString(p);
            Matcher pkg = PACKAGE.matcher(text);
            List<String> imports = new ArrayList<>();
            Matcher m = IMPORT.matcher(text);
            while (m.find()) {
                imports.add(m.group(1));
            }
            sources.add(new Source(p, pkg.find() ? pkg.group(1) : "", text, imports));
        }
        providerPackages = new TreeSet<>();
        for (Source s : sources) {
            if (s.code().matches("(?s).*\\bimplements\\s+ProviderProfile\\b.*")) {
                providerPackages.add(s.family());
            }
        }
    }

    @Test
    void noScriptImportsAnythingButTheContractLibrariesAndOtherScripts() {
        Set<String> scriptPackages = new TreeSet<>();
        sources.forEach(s -> scriptPackages.add(s.pkg() + "."));
        List<String> offending = new ArrayList<>();
        for (Source s : sources) {
            for (String imported : s.imports()) {
                boolean allowed = ALLOWED.stream().anyMatch(imported::startsWith) || scriptPackages.stream().anyMatch(imported::startsWith);
                if (!allowed) {
                    offending.add(scripts.relativize(s.path()) + " imports " + imported);
                }
            }
            if (s.text().contains("io.mvinfra.host")) {
                offending.add(scripts.relativize(s.path()) + " names io.mvinfra.host (the host)");
            }
        }

        assertThat(sources).isNotEmpty();
        assertThat(offending).isEmpty();
    }

    @Test
    void everyScriptIsInTheModulePackage() {
        assertThat(sources).allSatisfy(s -> assertThat(s.pkg()).as(scripts.relativize(s.path()).toString()).startsWith(MODULE));
    }

    @Test
    void noProviderImportsAnother() {
        List<String> offending = new ArrayList<>();
        for (Source s : sources) {
            if (!providerPackages.contains(s.family())) {
                continue;
            }
            for (String imported : s.imports()) {
                String other = Source.family(imported);
                if (providerPackages.contains(other) && !other.equals(s.family())) {
                    offending.add(scripts.relativize(s.path()) + " imports " + imported);
                }
            }
        }

        assertThat(providerPackages).contains("io.mvinfra.cloudflare", "io.mvinfra.scaleway", "io.mvinfra.openstack");
        assertThat(offending).isEmpty();
    }

    @Test
    void theSharedPartsNameNoProviderAndOnlyTheRegistryImportsOne() {
        List<String> names = new ArrayList<>(SERVICE_NAMES);
        providerPackages.forEach(p -> names.add(p.substring(MODULE.length())));
        Pattern named = Pattern.compile("\\b(?i:" + String.join("|", names) + ")\\b");
        List<String> offending = new ArrayList<>();
        for (Source s : sources) {
            if (providerPackages.contains(s.family()) || s.family().equals(REGISTRY)) {
                continue;
            }
            for (String imported : s.imports()) {
                if (providerPackages.contains(Source.family(imported))) {
                    offending.add(scripts.relativize(s.path()) + " imports " + imported);
                }
            }
            Matcher m = named.matcher(s.code());
            while (m.find()) {
                offending.add(scripts.relativize(s.path()) + " names " + m.group().toLowerCase(Locale.ROOT));
            }
        }

        assertThat(offending).isEmpty();
    }
}
