import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Build step (run by Maven before compiling, as a single-file program): writes one POJO per entity
 * template from customFieldTemplates/, as Meveo generates them, so a field is declared once, in its
 * descriptor. Usage: java -cp CLASSPATH GenerateEntityPojos.java PROJECT_DIR OUTPUT_DIR
 */
public class GenerateEntityPojos {
    private static final String PACKAGE = "org.meveo.model.customEntities";
    private static final String CLAZZ = "org.meveo.model.customEntities.CustomEntityTemplate - ";

    record Field(String code, String javaType, String description, boolean secret) {
    }

    public static void main(String[] args) throws IOException {
        Path project = Path.of(args[0]);
        Path out = Path.of(args[1]).resolve(PACKAGE.replace('.', '/'));
        Files.createDirectories(out);
        ObjectMapper json = new ObjectMapper();
        int n = 0;
        try (Stream<Path> cets = Files.list(project.resolve("customEntityTemplates"))) {
            for (Path cetFile : cets.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                String cet = cetFile.getFileName().toString().replaceFirst("\\.json$", "");
                String description = json.readTree(cetFile.toFile()).path("description").asText(cet);
                List<Field> fields = new ArrayList<>();
                Path cftDir = project.resolve("customFieldTemplates").resolve("CE_" + cet);
                if (Files.isDirectory(cftDir)) {
                    try (Stream<Path> cfts = Files.list(cftDir)) {
                        for (Path cft : cfts.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                            fields.add(field(json.readTree(cft.toFile())));
                        }
                    }
                }
                String source = render(cet, description, fields);
                Path target = out.resolve(cet + ".java");
                if (!Files.exists(target) || !Files.readString(target).equals(source)) {
                    Files.writeString(target, source);
                }
                n++;
            }
        }
        System.out.println("entity POJOs: " + n + " generated from customFieldTemplates/");
    }

    private static Field field(JsonNode cft) {
        String type = switch (cft.path("fieldType").asText()) {
            case "LONG" -> "Long";
            case "DOUBLE" -> "Double";
            case "BOOLEAN" -> "Boolean";
            case "DATE" -> "java.time.Instant";
            case "ENTITY" -> cft.path("entityClazz").asText().replace(CLAZZ, "");
            default -> "String";
        };
        String storage = cft.path("storageType").asText("SINGLE");
        if (storage.equals("LIST")) {
            type = "java.util.List<" + type + ">";
        } else if (storage.equals("MAP")) {
            type = "java.util.Map<String, " + type + ">";
        }
        return new Field(cft.path("code").asText(), type, cft.path("description").asText(""),
                cft.path("fieldType").asText().equals("SECRET"));
    }

    private static String render(String cet, String description, List<Field> fields) {
        StringBuilder s = new StringBuilder();
        s.append("package ").append(PACKAGE).append(";\n\n");
        s.append("/** ").append(description.replace("*/", "* /")).append(" (generated from customFieldTemplates/CE_").append(cet).append(") */\n");
        s.append("public class ").append(cet).append(" implements org.meveo.model.CustomEntity {\n\n");
        s.append("    private String uuid;\n");
        for (Field f : fields) {
            s.append("    /** ").append(f.description().replace("*/", "* /")).append(" */\n");
            s.append("    private ").append(f.javaType()).append(' ').append(f.code()).append(";\n");
        }
        s.append("\n    public ").append(cet).append("() {\n    }\n\n");
        s.append("    public ").append(cet).append("(String uuid) {\n        this.uuid = uuid;\n    }\n\n");
        s.append("    @Override\n    public String getUuid() {\n        return uuid;\n    }\n\n");
        s.append("    public void setUuid(String uuid) {\n        this.uuid = uuid;\n    }\n\n");
        s.append("    @Override\n    public String getCetCode() {\n        return \"").append(cet).append("\";\n    }\n");
        for (Field f : fields) {
            String cap = Character.toUpperCase(f.code().charAt(0)) + f.code().substring(1);
            s.append("\n    public ").append(f.javaType()).append(" get").append(cap).append("() {\n        return ").append(f.code()).append(";\n    }\n");
            s.append("\n    public void set").append(cap).append('(').append(f.javaType()).append(' ').append(f.code())
                    .append(") {\n        this.").append(f.code()).append(" = ").append(f.code()).append(";\n    }\n");
        }
        // Secrets never reach a log line through toString.
        s.append("\n    @Override\n    public String toString() {\n        return \"").append(cet).append("[uuid=\" + uuid");
        for (Field f : fields) {
            s.append("\n                + \", ").append(f.code()).append("=\" + ");
            if (f.secret()) {
                s.append("(").append(f.code()).append(" == null ? null : \"******\")");
            } else if (isReference(f.javaType())) {
                s.append("(").append(f.code()).append(" == null ? null : ").append(f.code()).append(".getUuid())");
            } else {
                s.append(f.code());
            }
        }
        s.append(" + \"]\";\n    }\n}\n");
        return s.toString();
    }

    private static boolean isReference(String type) {
        return !type.startsWith("java.") && !List.of("String", "Long", "Double", "Boolean").contains(type);
    }
}
