package io.mvinfra.host.module;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.meveo.model.scripts.ScriptTransactionType;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes {@code scriptInstances/<class>.json}, what Meveo's module install compiles, from the sources in
 * {@code scripts/}: the .java files are the one truth, these files a build output kept in git because
 * Meveo installs the module straight from the repository.
 */
public final class ScriptInstanceGenerator {

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:static\\s+)?([\\w.]+)(?:\\.\\*)?\\s*;", Pattern.MULTILINE);
    private static final Pattern JAVADOC = Pattern.compile("/\\*\\*\\s*(.*?)\\*/\\s*(?:@\\w+(?:\\([^)]*\\))?\\s*)*public\\s", Pattern.DOTALL);
    private static final Pattern WORD = Pattern.compile("\\b[A-Z]\\w*\\b");

    /** Libraries Meveo itself does not ship to scripts, declared so its install fetches them (sorted: the files must not vary). */
    private static final Map<String, String[]> MAVEN_DEPENDENCIES = new TreeMap<>(Map.of(
            "okhttp3.", new String[] {"com.squareup.okhttp3", "okhttp", "4.12.0"},
            "io.minio.", new String[] {"io.minio", "minio", "8.5.17"},
            "com.github.luben.zstd.", new String[] {"com.github.luben", "zstd-jni", "1.5.7-28"},
            "org.bouncycastle.", new String[] {"org.bouncycastle", "bcprov-jdk18on", "1.87"}));

    private final ObjectMapper json = new ObjectMapper();

    private ScriptInstanceGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path project = Path.of(args.length > 0 ? args[0] : ".");
        int written = new ScriptInstanceGenerator().write(project);
        System.out.println("scriptInstances: " + written + " files from scripts/");
    }

    public static Map<String, String> render(Path project) {
        return new ScriptInstanceGenerator().renderAll(project);
    }

    private int write(Path project) throws IOException {
        Map<String, String> files = renderAll(project);
        Path out = project.resolve("scriptInstances");
        Files.createDirectories(out);
        try (Stream<Path> existing = Files.list(out)) {
            for (Path stale : existing.filter(p -> !files.containsKey(p.getFileName().toString())).toList()) {
                Files.delete(stale);
            }
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = out.resolve(file.getKey());
            byte[] bytes = file.getValue().getBytes(StandardCharsets.UTF_8);
            if (!Files.exists(target) || !java.util.Arrays.equals(Files.readAllBytes(target), bytes)) {
                Files.write(target, bytes);
            }
        }
        return files.size();
    }

    private Map<String, String> renderAll(Path project) {
        Map<String, String> sources = new TreeMap<>();
        Path root = project.resolve("scripts");
        if (Files.isDirectory(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path file : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    String source = Files.readString(file, StandardCharsets.UTF_8);
                    sources.put(className(source, file), source);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<String, String> files = new TreeMap<>();
        sources.forEach((code, source) -> files.put(code + ".json", renderOne(code, source, sources.keySet())));
        return files;
    }

    private static String className(String source, Path file) {
        Matcher pkg = PACKAGE.matcher(source);
        String simple = file.getFileName().toString().replaceFirst("\\.java$", "");
        return pkg.find() ? pkg.group(1) + "." + simple : simple;
    }

    private String renderOne(String code, String source, Set<String> allScripts) {
        ObjectNode node = json.createObjectNode();
        node.put("code", code);
        node.put("description", description(code, source));
        node.putArray("inputs");
        node.putArray("outputs");
        node.put("generateOutputs", false);
        node.put("type", "JAVA");
        node.put("transactionType", transactionType(code).name());
        node.put("script", source);
        node.putArray("executionRoles");
        node.putArray("sourcingRoles");
        ArrayNode maven = node.putArray("mavenDependencies");
        Set<String> imports = imports(source);
        MAVEN_DEPENDENCIES.forEach((prefix, gav) -> {
            if (imports.stream().anyMatch(i -> i.startsWith(prefix))) {
                maven.addObject().put("groupId", gav[0]).put("artifactId", gav[1]).put("version", gav[2]).put("classifier", "");
            }
        });
        ArrayNode imported = node.putArray("importScriptInstances");
        dependencies(code, source, imports, allScripts).forEach(dep -> imported.addObject().put("code", dep));
        try {
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
            ObjectWriter writer = json.writer(printer);
            return writer.writeValueAsString(node).replace("\r\n", "\n") + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The compiled script decides, by the rule the host applies too: the module's entry points are MANUAL. */
    private static ScriptTransactionType transactionType(String code) {
        try {
            return ScriptTransactions.of(Class.forName(code, false, ScriptInstanceGenerator.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("script " + code + " is not compiled: build scripts/ before writing scriptInstances/", e);
        }
    }

    private static Set<String> imports(String source) {
        Set<String> imports = new TreeSet<>();
        Matcher m = IMPORT.matcher(source);
        while (m.find()) {
            imports.add(m.group(1));
        }
        return imports;
    }

    /** Other script classes this one names: imported ones and same-package ones used by simple name. */
    private static List<String> dependencies(String code, String source, Set<String> imports, Set<String> allScripts) {
        Set<String> deps = new TreeSet<>();
        String pkg = code.contains(".") ? code.substring(0, code.lastIndexOf('.')) : "";
        Set<String> words = new TreeSet<>();
        Matcher w = WORD.matcher(source.replaceAll("(?s)/\\*.*?\\*/|//[^\n]*", ""));
        while (w.find()) {
            words.add(w.group());
        }
        for (String other : allScripts) {
            if (other.equals(code)) {
                continue;
            }
            String otherPkg = other.contains(".") ? other.substring(0, other.lastIndexOf('.')) : "";
            String simple = other.substring(other.lastIndexOf('.') + 1);
            boolean importedByName = imports.contains(other) || imports.contains(otherPkg) && words.contains(simple);
            if (importedByName || otherPkg.equals(pkg) && words.contains(simple)) {
                deps.add(other);
            }
        }
        return new ArrayList<>(deps);
    }

    private static String description(String code, String source) {
        Matcher doc = JAVADOC.matcher(source);
        if (doc.find()) {
            String text = doc.group(1).replaceAll("(?m)^\\s*\\*\\s?", "").replaceAll("\\s+", " ").trim();
            int end = text.indexOf(". ");
            String first = end > 0 ? text.substring(0, end + 1) : text;
            if (!first.isBlank()) {
                return first.length() > 255 ? first.substring(0, 252) + "..." : first;
            }
        }
        String simple = code.substring(code.lastIndexOf('.') + 1);
        return simple.replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ");
    }
}
