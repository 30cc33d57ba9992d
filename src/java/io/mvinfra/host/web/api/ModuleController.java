package io.mvinfra.host.web.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.mvinfra.host.Host;
import io.mvinfra.host.module.EntityTemplate;
import io.mvinfra.host.module.FieldTemplate;
import io.mvinfra.host.module.Module;

/**
 * {@code GET /api/module}: everything the page needs to build its navigation, lists and forms from the
 * descriptors: categories, templates, fields with their rules, buttons. Computed once: descriptors do not
 * change while the host runs.
 */
public final class ModuleController {
    /** Templates without a category are listed under this name. */
    static final String OTHER = "Other";

    private final Map<String, Object> description;

    public ModuleController(Host host) {
        this.description = describe(host.module());
    }

    public void routes(Javalin app) {
        app.get("/api/module", ctx -> ctx.json(description));
        app.get("/api/health", this::health);
    }

    private void health(Context ctx) {
        ctx.json(Map.of("status", "ok", "module", description.get("code"), "version", description.get("version")));
    }

    private static Map<String, Object> describe(Module module) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", module.code());
        out.put("version", module.version());
        out.put("description", module.description());
        List<Map<String, Object>> categories = new ArrayList<>();
        module.categories().forEach((code, name) -> categories.add(category(code, name, module, code)));
        if (module.entities().values().stream().anyMatch(e -> e.category() == null || !module.categories().containsKey(e.category()))) {
            categories.add(category(null, OTHER, module, null));
        }
        out.put("categories", categories.stream().filter(c -> !((List<?>) c.get("entities")).isEmpty()).toList());
        out.put("entities", module.entities().values().stream().map(e -> entity(module, e)).toList());
        return out;
    }

    private static Map<String, Object> category(String code, String name, Module module, String match) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", code);
        out.put("name", name);
        out.put("entities", module.entities().values().stream()
                .filter(e -> match == null ? e.category() == null || !module.categories().containsKey(e.category()) : Objects.equals(match, e.category()))
                .map(EntityTemplate::code).toList());
        return out;
    }

    private static Map<String, Object> entity(Module module, EntityTemplate e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", e.code());
        out.put("name", e.name());
        out.put("description", e.description());
        out.put("category", e.category());
        out.put("fields", e.fields().stream().map(ModuleController::field).toList());
        out.put("buttons", module.actionsOf(e.code()).stream().filter(a -> a.applicableToEntityInstance()).map(a -> ActionController.button(module, a)).toList());
        return out;
    }

    /**
     * A field's descriptor has one text, often a sentence ("Time to live in seconds: 1 = automatic, ...").
     * Its head, up to the first ': ', '; ', ' (' or ', ', is the label for columns and forms; the whole is the help.
     */
    static String shortLabel(String description) {
        int cut = description.length();
        for (String mark : new String[] {": ", "; ", " (", ", "}) {
            int at = description.indexOf(mark);
            if (at >= 3 && at < cut) {
                cut = at;
            }
        }
        return description.substring(0, cut).trim();
    }

    private static Map<String, Object> field(FieldTemplate f) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", f.code());
        String description = f.description() == null || f.description().isBlank() ? f.code() : f.description();
        String label = shortLabel(description);
        out.put("label", label);
        out.put("help", label.equals(description) ? null : description);
        out.put("type", f.type());
        out.put("storage", f.storage());
        out.put("required", f.required());
        out.put("defaultValue", f.isSecret() ? null : f.defaultValue());
        List<Map<String, String>> values = new ArrayList<>();
        f.listValues().forEach((code, text) -> values.add(Map.of("code", code, "label", text)));
        out.put("listValues", values);
        out.put("referencedEntity", f.referencedEntity());
        out.put("maxValue", f.maxValue());
        out.put("minValue", f.minValue());
        out.put("regExp", f.regExp());
        out.put("allowEdit", f.allowEdit());
        out.put("hideOnNew", f.hideOnNew());
        out.put("summary", f.summary());
        out.put("tab", f.tab());
        out.put("secret", f.isSecret());
        return out;
    }
}
