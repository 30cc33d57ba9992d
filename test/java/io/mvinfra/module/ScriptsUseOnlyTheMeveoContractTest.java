package io.mvinfra.module;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import support.TestHosts;

/**
 * Scripts run unchanged inside Meveo: they may use the Meveo contract, javax.transaction (WildFly's), OkHttp, Jackson, SLF4J, the JDK and
 * each other — never the stand-alone host.
 */
class ScriptsUseOnlyTheMeveoContractTest {
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final List<String> ALLOWED = List.of("java.", "javax.crypto.", "javax.net.", "javax.transaction.", "org.meveo.", "okhttp3.", "okio.",
            "com.fasterxml.jackson.", "org.slf4j.");

    @Test
    void noScriptImportsAnythingButTheContractLibrariesAndOtherScripts() throws IOException {
        Path scripts = TestHosts.projectDir().resolve("scripts");
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(scripts)) {
            sources = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        Set<String> scriptPackages = new TreeSet<>();
        for (Path p : sources) {
            Matcher m = PACKAGE.matcher(Files.readString(p));
            if (m.find()) {
                scriptPackages.add(m.group(1) + ".");
            }
        }
        List<String> offending = new ArrayList<>();
        for (Path p : sources) {
            String source = Files.readString(p);
            Matcher m = IMPORT.matcher(source);
            while (m.find()) {
                String imported = m.group(1);
                boolean allowed = ALLOWED.stream().anyMatch(imported::startsWith) || scriptPackages.stream().anyMatch(imported::startsWith);
                if (!allowed) {
                    offending.add(scripts.relativize(p) + " imports " + imported);
                }
            }
            if (source.contains("io.mvinfra.host")) {
                offending.add(scripts.relativize(p) + " names io.mvinfra.host (the host)");
            }
        }

        assertThat(sources).isNotEmpty();
        assertThat(offending).isEmpty();
    }
}
