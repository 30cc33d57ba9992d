package io.mvinfra.host.runtime;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.meveo.model.customEntities.CustomEntityInstance;
import org.meveo.service.script.Script;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.mvinfra.host.module.EntityAction;
import io.mvinfra.host.module.Module;
import io.mvinfra.host.runtime.AuditEntry.Outcome;
import io.mvinfra.host.store.EntityStore;
import io.mvinfra.host.store.StoredEntity;
import io.mvinfra.buttons.ButtonScript;
import io.mvinfra.http.Redactor;
import io.mvinfra.storage.ModuleScript;

/**
 * Presses a button: checks the button applies (its EL condition, as Meveo evaluates it), runs its script
 * with the entity, the action code and the user, returns the script's GUI message, and records the press.
 * The script's progress lines go to the press's listener while it runs.
 */
public final class ActionRunner {
    private static final Logger log = LoggerFactory.getLogger(ActionRunner.class);

    private final Module module;
    private final EntityStore store;
    private final ScriptInvoker invoker;
    private final AuditTrail audit;
    private final Conditions conditions = new Conditions();

    public ActionRunner(Module module, EntityStore store, ScriptInvoker invoker, AuditTrail audit) {
        this.module = module;
        this.store = store;
        this.invoker = invoker;
        this.audit = audit;
    }

    public PressResult press(PressRequest request) {
        EntityAction action = action(request.entity(), request.action());
        long start = System.nanoTime();
        Map<String, Object> ctx = new HashMap<>(request.parameters());
        ctx.remove(ModuleScript.PROGRESS_LISTENER);
        if (request.progress() != null) {
            ctx.put(ModuleScript.PROGRESS_LISTENER, request.progress());
        }
        ctx.put(Script.CONTEXT_ACTION, action.code());
        ctx.put(Script.CONTEXT_CURRENT_USER, request.user());
        ctx.put(Script.CONTEXT_APP_PROVIDER, module.code());
        if (request.uuid() == null && !action.applicableToEntityList()) {
            throw new HostException(HostException.Kind.BAD_INPUT, "button " + action.code() + " works on one " + request.entity() + ": give its uuid");
        }
        ScriptInvoker.Outcome outcome = invoker.run(action.script(), ctx, storage -> {
            if (request.uuid() == null) {
                // pressed on the list: no entity, so no condition about one; the script gets what Meveo gives it
                action.scriptParameters().forEach((name, expression) -> ctx.putIfAbsent(name, conditions.evaluate(expression, Map.of())));
                return null;
            }
            StoredEntity stored = store.get(request.entity(), request.uuid()).orElseThrow(() -> new HostException(HostException.Kind.BAD_INPUT,
                    "no " + request.entity() + " with uuid " + request.uuid()));
            CustomEntityInstance entity = storage.read(stored);
            Map<String, Object> el = Map.of("entity", entity);
            if (!conditions.holds(action.applicableOnEl(), el)) {
                return new ScriptInvoker.Outcome(false, null);
            }
            ctx.put(Script.CONTEXT_ENTITY, entity);
            action.scriptParameters().forEach((name, expression) -> ctx.putIfAbsent(name, conditions.evaluate(expression, el)));
            return null;
        });
        long durationMs = (System.nanoTime() - start) / 1_000_000;
        PressResult result;
        if (!outcome.success() && outcome.error() == null) {
            result = new PressResult(Outcome.REFUSED, "Button '" + action.label() + "' does not apply to this " + request.entity()
                    + " now (" + action.applicableOnEl() + ")", durationMs, null);
        } else if (!outcome.success()) {
            result = new PressResult(Outcome.FAILED, outcome.error(), durationMs, null);
        } else {
            Object message = ctx.get(Script.RESULT_GUI_MESSAGE);
            if (message == null && ctx.get(Script.RESULT_GUI_MESSAGE_KEY) != null) {
                message = ctx.get(Script.RESULT_GUI_MESSAGE_KEY);
            }
            result = new PressResult(Outcome.SUCCESS, message == null ? action.label() + ": done" : message.toString(), durationMs,
                    ctx.get(Script.RESULT_VALUE), outcome.changes());
        }
        audit.record(new AuditEntry(0, Instant.now(), request.user(), action.code(), request.entity(), request.uuid(), result.outcome(),
                kept(result.message(), ctx.get(ButtonScript.SHOWN_ONCE)), durationMs));
        log.info("{} pressed {} on {} {}: {} in {} ms", request.user(), action.code(), request.entity(), request.uuid(), result.outcome(), durationMs);
        return result;
    }

    /** The message as the audit trail keeps it: what the script showed only once (a console password) masked. */
    private static String kept(String message, Object shownOnce) {
        if (message == null || !(shownOnce instanceof Collection<?> secrets)) {
            return message;
        }
        String kept = message;
        for (Object secret : secrets) {
            if (secret != null && !secret.toString().isEmpty()) {
                kept = kept.replace(secret.toString(), Redactor.MASK);
            }
        }
        return kept;
    }

    /** The buttons pressed on a template's list rather than on one entity, in GUI order. */
    public List<EntityAction> listButtons(String entity) {
        return module.actionsOf(entity).stream().filter(EntityAction::applicableToEntityList).toList();
    }

    /** The buttons of this entity whose condition holds now, in GUI order. */
    public List<EntityAction> applicable(String entity, String uuid) {
        StoredEntity stored = store.get(entity, uuid).orElseThrow(() -> new HostException(HostException.Kind.BAD_INPUT,
                "no " + entity + " with uuid " + uuid));
        CustomEntityInstance cei = new CustomEntityInstance();
        cei.setUuid(stored.uuid());
        cei.setCetCode(stored.cet());
        stored.masked().forEach(cei::setCfValue);
        return module.actionsOf(entity).stream()
                .filter(EntityAction::applicableToEntityInstance)
                .filter(a -> conditions.holds(a.applicableOnEl(), Map.of("entity", cei))).toList();
    }

    public EntityAction action(String entity, String code) {
        if (module.entity(entity).isEmpty()) {
            throw new HostException(HostException.Kind.BAD_INPUT, "unknown entity template " + entity);
        }
        return module.action(entity, code).orElseThrow(() -> new HostException(HostException.Kind.BAD_INPUT, "no button " + code + " on " + entity
                + " (buttons: " + String.join(", ", module.actionsOf(entity).stream().map(EntityAction::code).toList()) + ")"));
    }
}
