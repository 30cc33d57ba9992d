package io.mvinfra.host.web.api;

import io.mvinfra.host.web.OperatorText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

import org.meveo.service.script.Script;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.mvinfra.host.Host;
import io.mvinfra.host.module.EntityAction;
import io.mvinfra.host.module.EntityTemplate;
import io.mvinfra.host.module.FieldTemplate;
import io.mvinfra.host.module.FieldType;
import io.mvinfra.host.module.Module;
import io.mvinfra.host.runtime.AuditEntry;
import io.mvinfra.host.runtime.HostException;
import io.mvinfra.host.runtime.PressChanges;
import io.mvinfra.host.runtime.PressRequest;
import io.mvinfra.host.runtime.PressResult;
import io.mvinfra.host.store.StoreException;
import io.mvinfra.host.web.ApiException;
import io.mvinfra.host.web.Requests;
import io.mvinfra.host.web.auth.Access;
import io.mvinfra.host.web.api.Tasks.Task;
import io.mvinfra.storage.ModuleScript;

/**
 * An entity's buttons: which apply now, and pressing one. A press runs on the server's pool; the request
 * waits up to {@code ?wait=} seconds (default {@value #DEFAULT_WAIT_SECONDS}) and answers 200 with the
 * result, or 202 with the press to poll at {@code /api/presses/{id}} when the button takes longer
 * (a server booting, a backup). A poll answers with the script's latest progress line; a long poll given
 * the line the caller shows ({@code ?seen=}) returns as soon as there is another.
 */
public final class ActionController {
    private static final Logger log = LoggerFactory.getLogger(ActionController.class);
    static final int DEFAULT_WAIT_SECONDS = 2;

    record Press(Boolean dryRun, Map<String, String> parameters) {
    }

    private final Host host;
    private final Tasks<PressResult> presses;

    public ActionController(Host host, Executor executor) {
        this.host = host;
        this.presses = new Tasks<>(executor, ActionController::crashed, Duration.ofHours(1), 1000);
    }

    public void routes(Javalin app) {
        app.get("/api/entities/{cet}/{uuid}/actions", this::applicable);
        app.post("/api/entities/{cet}/{uuid}/actions/{code}", this::press);
        app.get("/api/lists/{cet}/actions", this::listButtons);
        app.post("/api/lists/{cet}/actions/{code}", this::pressOnList);
        app.get("/api/presses", this::running);
        app.get("/api/presses/{id}", this::follow);
    }

    private void applicable(Context ctx) {
        EntityTemplate template = EntityController.template(host, ctx);
        String uuid = ctx.pathParam("uuid");
        host.store().require(template.code(), uuid);
        ctx.json(host.actions().applicable(template.code(), uuid).stream().map(a -> button(host.module(), a)).toList());
    }

    private void press(Context ctx) {
        EntityTemplate template = EntityController.template(host, ctx);
        String uuid = ctx.pathParam("uuid");
        EntityAction action = action(template, ctx.pathParam("code"));
        Map<String, Object> parameters = parameters(ctx);
        host.store().require(template.code(), uuid);
        boolean applies = host.actions().applicable(template.code(), uuid).stream().anyMatch(a -> a.code().equals(action.code()));
        if (!applies) {
            throw ApiException.conflict("the button '" + action.label() + "' does not apply to this " + template.name() + " now");
        }
        submit(ctx, template, action, uuid, parameters);
    }

    private void listButtons(Context ctx) {
        EntityTemplate template = EntityController.template(host, ctx);
        ctx.json(host.actions().listButtons(template.code()).stream().map(a -> button(host.module(), a)).toList());
    }

    /** A button of the template's list: the script runs with no entity (e.g. "List Cloudflare domains" of every provider). */
    private void pressOnList(Context ctx) {
        EntityTemplate template = EntityController.template(host, ctx);
        EntityAction action = action(template, ctx.pathParam("code"));
        if (!action.applicableToEntityList()) {
            throw ApiException.conflict("the button '" + action.label() + "' works on one " + template.name() + ", not on the list");
        }
        submit(ctx, template, action, null, parameters(ctx));
    }

    private EntityAction action(EntityTemplate template, String code) {
        return host.module().action(template.code(), code).orElseThrow(() -> ApiException.notFound("no button " + code + " on " + template.code()));
    }

    private void submit(Context ctx, EntityTemplate template, EntityAction action, String uuid, Map<String, Object> parameters) {
        String user = Access.user(ctx);
        Map<String, Object> describe = new LinkedHashMap<>();
        describe.put("entity", template.code());
        describe.put("uuid", uuid);
        describe.put("action", action.code());
        describe.put("label", action.label());
        describe.put("dryRun", parameters.containsKey(PressRequest.DRY_RUN));
        Task<PressResult> task = presses.submit(template.code() + "/" + (uuid == null ? "*" : uuid) + "/" + action.code(), user, describe,
                running -> host.actions().press(new PressRequest(template.code(), action.code(), uuid, user, parameters).withProgress(running::progress)));
        answer(ctx, task, task.await(Requests.waitParam(ctx, DEFAULT_WAIT_SECONDS)).orElse(null));
    }

    private void follow(Context ctx) {
        Task<PressResult> task = presses.find(ctx.pathParam("id"))
                .orElseThrow(() -> ApiException.notFound("no press " + ctx.pathParam("id") + " (presses are kept one hour after they end)"));
        String seen = ctx.queryParam("seen");
        Duration wait = Requests.waitParam(ctx, 0);
        PressResult result = (seen == null ? task.await(wait) : task.await(wait, seen)).orElse(null);
        answer(ctx, task, result);
    }

    private void running(Context ctx) {
        ctx.json(presses.running().stream().map(t -> json(t, null)).toList());
    }

    private static void answer(Context ctx, Task<PressResult> task, PressResult result) {
        if (result == null) {
            ctx.status(202).header("Location", "/api/presses/" + task.id);
        }
        ctx.json(json(task, result));
    }

    private static Map<String, Object> json(Task<PressResult> task, PressResult result) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", task.id);
        out.putAll(task.describe);
        out.put("user", task.user);
        out.put("state", result == null ? "RUNNING" : "DONE");
        out.put("startedAt", task.startedAt);
        out.put("elapsedMs", task.elapsedMs());
        if (task.progress != null) {
            out.put("progress", task.progress);
        }
        if (result != null) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("outcome", result.outcome());
            r.put("message", result.message() == null ? "" : OperatorText.ofOutcome(result.outcome(), result.message(), "press " + task.id));
            r.put("durationMs", result.durationMs());
            if (!result.changes().isEmpty()) {
                r.put("changes", changes(result.changes(), (String) task.describe.get("uuid")));
            }
            out.put("result", r);
        }
        return out;
    }

    /** What the press wrote, for its banner to link to: counts per kind, and the first entities (not the pressed one). */
    private static Map<String, Object> changes(PressChanges changes, String pressed) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (PressChanges.Kind kind : PressChanges.Kind.values()) {
            out.put(kind.name().toLowerCase(java.util.Locale.ROOT), changes.count(kind));
        }
        out.put("items", changes.shown(pressed).stream().map(c -> Map.of("kind", c.kind().name(), "entity", c.entity(),
                "uuid", c.uuid(), "label", c.label())).toList());
        out.put("more", changes.notShown());
        return out;
    }

    static Map<String, Object> button(Module module, EntityAction a) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", a.code());
        out.put("label", a.label());
        out.put("description", a.description());
        out.put("parameters", a.operatorParameters().stream().map(p -> parameter(module, a, p)).toList());
        a.confirmation().ifPresent(text -> {
            out.put("confirm", text);
            out.put("confirmByName", a.confirmByName());
        });
        return out;
    }

    /**
     * What a press form asks for a parameter. The descriptor gives only a name, so the name says it: one named
     * after an entity template (lockdownRule) is one of its entities; one named after a list field of the
     * button's template takes that field's values; any other is text. The script checks the value as always.
     */
    private static Map<String, Object> parameter(Module module, EntityAction a, String name) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        Optional<EntityTemplate> referenced = module.entities().values().stream().filter(t -> t.code().equalsIgnoreCase(name)).findFirst();
        Optional<FieldTemplate> listField = module.entity(a.entity()).flatMap(t -> t.field(name)).filter(f -> f.type() == FieldType.LIST);
        String expression = a.scriptParameters().get(name);
        if ("#{true}".equals(expression) || "#{false}".equals(expression)) {
            // a yes/no the descriptor gives a default to: a checkbox, labelled by its name in words
            out.put("kind", "flag");
            out.put("label", words(name));
            out.put("default", "#{true}".equals(expression));
        } else if (referenced.isPresent()) {
            out.put("kind", "reference");
            out.put("label", referenced.get().name());
            out.put("entity", referenced.get().code());
        } else if (listField.isPresent()) {
            out.put("kind", "list");
            out.put("label", ModuleController.shortLabel(listField.get().description() == null ? name : listField.get().description()));
            List<Map<String, String>> values = new ArrayList<>();
            listField.get().listValues().forEach((code, text) -> values.add(Map.of("code", code, "label", text)));
            out.put("values", values);
        } else {
            out.put("kind", "text");
            out.put("label", name);
        }
        return out;
    }

    /** {@code removeFromLockdownRules} → {@code Remove from lockdown rules}. */
    static String words(String name) {
        String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    private static Map<String, Object> parameters(Context ctx) {
        return parameters(Requests.bodyOr(ctx, Press.class, new Press(false, Map.of())));
    }

    /** Extra parameters may not pose as what the runner itself puts in the script's context. */
    private static Map<String, Object> parameters(Press body) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (body.parameters() != null) {
            body.parameters().forEach((name, value) -> {
                if (name.startsWith("CONTEXT_") || name.startsWith("GUI_") || name.startsWith("RESULT_") || name.equals(Script.REPOSITORY)
                        || name.equals(PressRequest.DRY_RUN) || name.equals(ModuleScript.USER_TRANSACTION) || name.equals(ModuleScript.PROGRESS_LISTENER)) {
                    throw ApiException.badRequest("parameter name " + name + " is reserved");
                }
                out.put(name, value);
            });
        }
        if (Boolean.TRUE.equals(body.dryRun())) {
            out.put(PressRequest.DRY_RUN, Boolean.TRUE);
        }
        return out;
    }

    private static PressResult crashed(Task<PressResult> task, Throwable e) {
        if (e instanceof HostException || e instanceof StoreException) {
            return new PressResult(AuditEntry.Outcome.FAILED, e.getMessage(), task.elapsedMs(), null);
        }
        log.error("press {} {} failed unexpectedly", task.key, task.id, e);
        return new PressResult(AuditEntry.Outcome.FAILED, "internal error: the host's log has the details", task.elapsedMs(), null);
    }
}
