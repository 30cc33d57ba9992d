package io.mvinfra.host.module;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

import org.meveo.service.script.ScriptInterface;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.el.ELException;
import jakarta.el.ExpressionFactory;
import jakarta.el.StandardELContext;

/**
 * Reads a module directory laid out as Meveo's module install expects and validates every descriptor.
 * A module with any problem is refused whole, every problem named by file and field: never half-loaded.
 */
public final class ModuleLoader {

    static final Set<String> CET_KEYS = Set.of("code", "name", "description", "customEntityCategoryCode", "availableStorages",
            "sqlStorageConfiguration", "audited", "samples", "superTemplate", "isEqualFn", "fields", "actions", "crudEventListenerScript");
    static final Set<String> CFT_KEYS = Set.of("code", "description", "languageDescriptions", "fieldType", "accountLevel", "appliesTo",
            "defaultValue", "useInheritedAsDefaultValue", "storageType", "valueRequired", "versionable", "triggerEndPeriodEvent", "calendar",
            "cacheValueTimeperiod", "entityClazz", "listValues", "allowEdit", "hideOnNew", "maxValue", "minValue", "regExp", "cacheValue",
            "contentTypes", "fileExtensions", "maxFileSizeAllowedInKb", "filePath", "saveOnExplorer", "guiPosition", "unique", "isUnique",
            "filter", "isFilter", "relationshipName", "relationship", "expressionSeparator", "identifier", "mapKeyType", "applicableOnEl",
            "matrixColumns", "childEntityFieldsForSummary", "storages", "samples", "summary", "indexType", "tags", "displayFormat",
            "audited", "persisted", "uuid", "active", "id");
    static final Set<String> ACTION_KEYS = Set.of("code", "description", "appliesTo", "applicableOnEl", "label", "labelsTranslated",
            "script", "guiPosition", "scriptParameters", "applicableToEntityList", "applicableToEntityInstance", "uuid", "active", "id");

    private static final Pattern CLAZZ = Pattern.compile("^org\\.meveo\\.model\\.customEntities\\.CustomEntityTemplate - (\\w+)$");
    private static final Pattern FIELD_POSITION = Pattern.compile("field:(\\d+)");

    private final ObjectMapper json = new ObjectMapper();
    private final ExpressionFactory el = ExpressionFactory.newInstance();
    private final ClassLoader scripts;
    private final List<String> problems = new ArrayList<>();
    private Path root;

    public ModuleLoader(ClassLoader scripts) {
        this.scripts = scripts;
    }

    public static Module load(Path root) {
        return new ModuleLoader(Thread.currentThread().getContextClassLoader()).read(root);
    }

    public Module read(Path moduleRoot) {
        this.root = moduleRoot;
        problems.clear();
        JsonNode moduleJson = readJson(moduleRoot.resolve("module.json"));
        if (moduleJson == null) {
            throw new ModuleException(List.copyOf(problems));
        }
        for (String key : List.of("code", "currentVersion", "description")) {
            if (moduleJson.path(key).asText("").isBlank()) {
                problem("module.json", key, "is missing");
            }
        }
        Map<String, String> categories = readCategories();
        Map<String, EntityTemplate> entities = readEntities(categories);
        Map<String, List<EntityAction>> actions = readActions(entities);
        Map<String, TimerDescriptor> timers = readTimers();
        Map<String, JobDescriptor> jobs = readJobs(timers);
        if (!problems.isEmpty()) {
            throw new ModuleException(List.copyOf(problems));
        }
        return new Module(moduleJson.path("code").asText(), moduleJson.path("currentVersion").asText(),
                moduleJson.path("description").asText(), moduleRoot.toString(), categories, entities, actions, jobs, timers);
    }

    private Map<String, String> readCategories() {
        Map<String, String> categories = new TreeMap<>();
        for (Path file : files("customEntityCategories")) {
            JsonNode node = readJson(file);
            if (node != null && codeMatchesFile(node, file)) {
                categories.put(node.path("code").asText(), node.path("name").asText(node.path("code").asText()));
            }
        }
        return categories;
    }

    private Map<String, EntityTemplate> readEntities(Map<String, String> categories) {
        Map<String, JsonNode> cets = new TreeMap<>();
        Set<String> lowerCase = new HashSet<>();
        for (Path file : files("customEntityTemplates")) {
            JsonNode node = readJson(file);
            if (node == null || !codeMatchesFile(node, file)) {
                continue;
            }
            unknownKeys(node, CET_KEYS, file);
            if (node.has("crudEventListenerScript")) {
                // Meveo runs it at every save of the template's entities: a missing class would break each one
                checkScript(file, "crudEventListenerScript", node.path("crudEventListenerScript").asText(null));
            }
            String code = node.path("code").asText();
            if (!lowerCase.add(code.toLowerCase(Locale.ROOT))) {
                problem(file, "code", "duplicate entity template code " + code);
            }
            String category = node.path("customEntityCategoryCode").asText(null);
            if (category != null && !categories.containsKey(category)) {
                problem(file, "customEntityCategoryCode", "category " + category + " has no customEntityCategories/" + category + ".json");
            }
            cets.put(code, node);
        }
        Path cftRoot = root.resolve("customFieldTemplates");
        if (Files.isDirectory(cftRoot)) {
            for (Path dir : list(cftRoot)) {
                String owner = dir.getFileName().toString().replaceAll("/$", "");
                if (!owner.startsWith("CE_") || !cets.containsKey(owner.substring(3))) {
                    problem(rel(dir), "appliesTo", "folder " + owner + " names no entity template");
                }
            }
        }
        Map<String, EntityTemplate> entities = new TreeMap<>();
        cets.forEach((code, node) -> {
            List<FieldTemplate> fields = readFields(code, cets.keySet());
            entities.put(code, new EntityTemplate(code, node.path("name").asText(code), node.path("description").asText(""),
                    node.path("customEntityCategoryCode").asText(null), fields, "customEntityTemplates/" + code + ".json"));
        });
        return entities;
    }

    private List<FieldTemplate> readFields(String cet, Set<String> cets) {
        List<FieldTemplate> fields = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (Path file : files("customFieldTemplates/CE_" + cet)) {
            JsonNode node = readJson(file);
            if (node == null || !codeMatchesFile(node, file)) {
                continue;
            }
            unknownKeys(node, CFT_KEYS, file);
            FieldTemplate field = readField(cet, node, file, cets);
            if (field != null && !codes.add(field.code().toLowerCase(Locale.ROOT))) {
                problem(file, "code", "duplicate field code " + field.code() + " in " + cet);
            } else if (field != null) {
                fields.add(field);
            }
        }
        fields.sort(Comparator.comparingInt(FieldTemplate::tab).thenComparingInt(FieldTemplate::position).thenComparing(FieldTemplate::code));
        return fields;
    }

    private FieldTemplate readField(String cet, JsonNode node, Path file, Set<String> cets) {
        String code = node.path("code").asText();
        if (!("CE_" + cet).equals(node.path("appliesTo").asText())) {
            problem(file, "appliesTo", "is " + node.path("appliesTo").asText("missing") + ", expected CE_" + cet);
        }
        FieldType type = enumValue(FieldType.class, node, "fieldType", file, null);
        StorageType storage = enumValue(StorageType.class, node, "storageType", file, StorageType.SINGLE);
        if (type == null || storage == null) {
            return null;
        }
        Map<String, String> listValues = new LinkedHashMap<>();
        node.path("listValues").fields().forEachRemaining(e -> listValues.put(e.getKey(), e.getValue().asText()));
        if (type == FieldType.LIST && listValues.isEmpty()) {
            problem(file, "listValues", "a LIST field needs listValues");
        }
        String referenced = null;
        if (type == FieldType.ENTITY) {
            Matcher m = CLAZZ.matcher(node.path("entityClazz").asText(""));
            if (!m.matches()) {
                problem(file, "entityClazz", "must read 'org.meveo.model.customEntities.CustomEntityTemplate - <Cet>', is '"
                        + node.path("entityClazz").asText("") + "'");
            } else if (!cets.contains(m.group(1))) {
                problem(file, "entityClazz", "references entity template " + m.group(1) + ", which the module does not define");
            } else {
                referenced = m.group(1);
            }
        }
        Long max = number(node, "maxValue", file);
        Long min = number(node, "minValue", file);
        if (max != null && min != null && min > max) {
            problem(file, "minValue", "is greater than maxValue");
        }
        String regExp = node.path("regExp").asText(null);
        if (regExp != null) {
            try {
                Pattern.compile(regExp);
            } catch (PatternSyntaxException e) {
                problem(file, "regExp", "is not a valid regular expression: " + e.getDescription());
            }
        }
        String defaultValue = node.hasNonNull("defaultValue") ? node.get("defaultValue").asText() : null;
        if (defaultValue != null && type == FieldType.LIST && !listValues.containsKey(defaultValue)) {
            problem(file, "defaultValue", "'" + defaultValue + "' is not one of listValues " + listValues.keySet());
        }
        String gui = node.path("guiPosition").asText("");
        int[] position = guiPosition(gui);
        return new FieldTemplate(cet, code, node.path("description").asText(code), type, storage,
                node.path("valueRequired").asBoolean(false), defaultValue, listValues, referenced, max, min, regExp,
                node.path("allowEdit").asBoolean(true), node.path("hideOnNew").asBoolean(false), position[0], position[1],
                node.path("summary").asBoolean(false), node.path("filter").asBoolean(false) || node.path("isFilter").asBoolean(false),
                node.path("unique").asBoolean(false) || node.path("isUnique").asBoolean(false), rel(file));
    }

    private Map<String, List<EntityAction>> readActions(Map<String, EntityTemplate> entities) {
        Map<String, List<EntityAction>> actions = new TreeMap<>();
        Path actionRoot = root.resolve("entityCustomActions");
        if (!Files.isDirectory(actionRoot)) {
            return actions;
        }
        for (Path dir : list(actionRoot)) {
            String owner = dir.getFileName().toString().replaceAll("/$", "");
            if (!entities.containsKey(owner)) {
                problem(rel(dir), "appliesTo", "folder " + owner + " names no entity template");
                continue;
            }
            List<EntityAction> ofEntity = new ArrayList<>();
            Set<String> codes = new HashSet<>();
            for (Path file : files("entityCustomActions/" + owner)) {
                JsonNode node = readJson(file);
                if (node == null || !codeMatchesFile(node, file)) {
                    continue;
                }
                unknownKeys(node, ACTION_KEYS, file);
                String code = node.path("code").asText();
                if (!codes.add(code)) {
                    problem(file, "code", "duplicate button code " + code + " on " + owner);
                }
                if (!("CE_" + owner).equals(node.path("appliesTo").asText())) {
                    problem(file, "appliesTo", "is " + node.path("appliesTo").asText("missing") + ", expected CE_" + owner);
                }
                if (node.path("label").asText("").isBlank()) {
                    problem(file, "label", "is missing: a button needs a label");
                }
                JsonNode scriptNode = node.path("script");
                String script = scriptNode.isObject() ? scriptNode.path("code").asText(null) : scriptNode.asText(null);
                checkScript(file, "script", script);
                String condition = node.path("applicableOnEl").asText(null);
                checkEl(file, "applicableOnEl", condition);
                Map<String, String> parameters = new LinkedHashMap<>();
                node.path("scriptParameters").fields().forEachRemaining(e -> {
                    parameters.put(e.getKey(), e.getValue().asText());
                    checkEl(file, "scriptParameters." + e.getKey(), e.getValue().asText());
                });
                checkConfirmation(file, parameters);
                ofEntity.add(new EntityAction(code, owner, node.path("label").asText(code), node.path("description").asText(""), script,
                        condition == null || condition.isBlank() ? null : condition, parameters,
                        node.path("applicableToEntityInstance").asBoolean(true), node.path("applicableToEntityList").asBoolean(false),
                        guiPosition(node.path("guiPosition").asText(""))[1], rel(file)));
            }
            ofEntity.sort(Comparator.comparingInt(EntityAction::position).thenComparing(EntityAction::code));
            actions.put(owner, List.copyOf(ofEntity));
        }
        return actions;
    }

    private Map<String, TimerDescriptor> readTimers() {
        Map<String, TimerDescriptor> timers = new TreeMap<>();
        for (Path file : files("timerEntities")) {
            JsonNode n = readJson(file);
            if (n != null && codeMatchesFile(n, file)) {
                TimerDescriptor timer = new TimerDescriptor(n.path("code").asText(), n.path("description").asText(""),
                        text(n, "second"), text(n, "minute"), text(n, "hour"), text(n, "dayOfMonth"), text(n, "month"),
                        text(n, "dayOfWeek"), text(n, "year"), rel(file));
                String year = timer.year();
                if (year != null && !year.isBlank() && !year.equals("*")) {
                    problem(file, "year", "the host schedules every year; use *");
                }
                timers.put(timer.code(), timer);
            }
        }
        return timers;
    }

    private Map<String, JobDescriptor> readJobs(Map<String, TimerDescriptor> timers) {
        Map<String, JobDescriptor> jobs = new TreeMap<>();
        for (Path file : files("jobInstances")) {
            JsonNode n = readJson(file);
            if (n == null || !codeMatchesFile(n, file)) {
                continue;
            }
            if (!"ScriptingJob".equals(n.path("jobTemplate").asText())) {
                problem(file, "jobTemplate", "is " + n.path("jobTemplate").asText("missing") + "; the host runs ScriptingJob only");
            }
            JsonNode cf = n.path("customFields");
            String script = customField(cf, "ScriptingJob_script");
            checkScript(file, "customFields.ScriptingJob_script", script);
            Map<String, String> variables = new LinkedHashMap<>();
            JsonNode vars = customFieldNode(cf, "ScriptingJob_variables");
            if (vars != null) {
                vars.fields().forEachRemaining(e -> variables.put(e.getKey(), e.getValue().asText()));
            }
            String timer = n.path("timerCode").asText(null);
            if (timer != null && !timers.containsKey(timer)) {
                problem(file, "timerCode", "timer " + timer + " has no timerEntities/" + timer + ".json");
            }
            jobs.put(n.path("code").asText(), new JobDescriptor(n.path("code").asText(), n.path("description").asText(""), script,
                    timer, n.path("active").asBoolean(true), variables, rel(file)));
        }
        return jobs;
    }

    /**
     * A job's custom field value, in Meveo's CustomFieldsDto form
     * ({@code {"customField": [{"code": "ScriptingJob_script", "entityReferenceValue": {"code": …}}]}}).
     * A map value ({@code mapValue}) holds {@code {"key": {"value": …}}} entries; they are unwrapped.
     */
    private static JsonNode customFieldNode(JsonNode customFields, String code) {
        for (JsonNode field : customFields.path("customField")) {
            if (!code.equals(field.path("code").asText())) {
                continue;
            }
            for (String key : List.of("entityReferenceValue", "stringValue", "value", "longValue", "booleanValue")) {
                if (field.hasNonNull(key)) {
                    return field.get(key);
                }
            }
            if (field.path("mapValue").isObject()) {
                com.fasterxml.jackson.databind.node.ObjectNode map = new ObjectMapper().createObjectNode();
                field.get("mapValue").fields().forEachRemaining(e -> map.set(e.getKey(),
                        e.getValue().isObject() && e.getValue().has("value") ? e.getValue().get("value") : e.getValue()));
                return map;
            }
        }
        return null;
    }

    private static String customField(JsonNode customFields, String code) {
        JsonNode v = customFieldNode(customFields, code);
        if (v == null) {
            return null;
        }
        return v.isObject() ? v.path("code").asText(null) : v.asText(null);
    }

    private void checkScript(Path file, String field, String script) {
        if (script == null || script.isBlank()) {
            problem(file, field, "names no script");
            return;
        }
        try {
            Class<?> type = Class.forName(script, false, scripts);
            if (!ScriptInterface.class.isAssignableFrom(type)) {
                problem(file, field, "class " + script + " is not a Meveo script (ScriptInterface)");
            }
        } catch (ClassNotFoundException | LinkageError e) {
            problem(file, field, "script class " + script + " does not exist");
        }
    }

    /** The confirmation is read without evaluation, by the page and the CLI alike: plain text, a plain flag. */
    private void checkConfirmation(Path file, Map<String, String> parameters) {
        String text = parameters.get(EntityAction.CONFIRM);
        if (text != null && (text.isBlank() || text.contains("#{") || text.contains("${"))) {
            problem(file, "scriptParameters." + EntityAction.CONFIRM, "must be a plain sentence saying what the press destroys, not an expression");
        }
        String byName = parameters.get(EntityAction.CONFIRM_BY_NAME);
        if (byName != null && !byName.equals("#{true}") && !byName.equals("#{false}")) {
            problem(file, "scriptParameters." + EntityAction.CONFIRM_BY_NAME, "must be #{true} or #{false}, is " + byName);
        }
        if (byName != null && text == null) {
            problem(file, "scriptParameters." + EntityAction.CONFIRM_BY_NAME, "needs scriptParameters.confirm, the sentence to show");
        }
    }

    private void checkEl(Path file, String field, String expression) {
        if (expression == null || expression.isBlank()) {
            return;
        }
        try {
            el.createValueExpression(new StandardELContext(el), expression, Object.class);
        } catch (ELException e) {
            problem(file, field, "is not a valid EL expression: " + e.getMessage());
        }
    }

    private <E extends Enum<E>> E enumValue(Class<E> type, JsonNode node, String key, Path file, E fallback) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            if (fallback == null) {
                problem(file, key, "is missing");
            }
            return fallback;
        }
        try {
            return Enum.valueOf(type, v.asText());
        } catch (IllegalArgumentException e) {
            problem(file, key, "unknown value '" + v.asText() + "' (one of " + java.util.Arrays.toString(type.getEnumConstants()) + ")");
            return null;
        }
    }

    private Long number(JsonNode node, String key, Path file) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber() || v.isTextual() && v.asText().matches("-?\\d+")) {
            return v.asLong();
        }
        problem(file, key, "must be a whole number, is " + v);
        return null;
    }

    private static int[] guiPosition(String gui) {
        Matcher tab = Pattern.compile("tab:[^:;]*:(\\d+)").matcher(gui);
        Matcher field = FIELD_POSITION.matcher(gui);
        return new int[] {tab.find() ? Integer.parseInt(tab.group(1)) : 0, field.find() ? Integer.parseInt(field.group(1)) : Integer.MAX_VALUE};
    }

    private static String text(JsonNode n, String key) {
        return n.hasNonNull(key) ? n.get(key).asText() : null;
    }

    private void unknownKeys(JsonNode node, Set<String> known, Path file) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!known.contains(key)) {
                problem(file, key, "unknown key: Meveo's import would silently drop it");
            }
        }
    }

    private boolean codeMatchesFile(JsonNode node, Path file) {
        String stem = file.getFileName().toString().replaceFirst("\\.json$", "");
        if (!stem.equals(node.path("code").asText())) {
            problem(file, "code", "is '" + node.path("code").asText("") + "', expected '" + stem + "' as the file name says");
            return false;
        }
        return true;
    }

    private JsonNode readJson(Path file) {
        if (!Files.exists(file)) {
            problem(rel(file), "", "is missing");
            return null;
        }
        try {
            JsonNode node = json.readTree(Files.readAllBytes(file));
            if (node == null || !node.isObject()) {
                problem(file, "", "is not a JSON object");
                return null;
            }
            return node;
        } catch (IOException e) {
            problem(file, "", "is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
            return null;
        }
    }

    private List<Path> files(String dir) {
        Path d = root.resolve(dir);
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        return list(d).stream().filter(p -> p.getFileName().toString().endsWith(".json")).toList();
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String rel(Path p) {
        return root.relativize(p).toString();
    }

    private void problem(Path file, String field, String what) {
        problem(rel(file), field, what);
    }

    private void problem(String file, String field, String what) {
        problems.add(file + (field.isEmpty() ? "" : ": " + field) + ": " + what);
    }
}
