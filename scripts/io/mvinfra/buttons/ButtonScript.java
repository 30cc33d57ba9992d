package io.mvinfra.buttons;

import io.mvinfra.storage.ModuleScript;

import java.util.List;
import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.CustomEntityInstance;
import org.meveo.model.persistence.CEIUtils;

/** The lines every button repeats: read the pressed entity, tell the operator; storage comes from {@link ModuleScript}. */
public abstract class ButtonScript extends ModuleScript {

    /**
     * The button-level parameter (the CLI's {@code --dry-run}, the web page's dry-run press) asking a create, update
     * or delete to say exactly what it would send, and to send and change nothing.
     */
    public static final String DRY_RUN = "dryRun";
    /**
     * Where a press lists the parts of its message meant to be read once and kept nowhere (a console's one-time
     * password): a runtime that writes the message down (the host's audit trail) masks them there.
     */
    public static final String SHOWN_ONCE = "mvinfra.shownOnce";

    @Override
    protected void run(Map<String, Object> ctx) throws BusinessException {
        press(ctx);
    }

    /** The button's work, what pressing it does. */
    protected abstract void press(Map<String, Object> ctx) throws BusinessException;

    protected <T> T entity(Map<String, Object> ctx, Class<T> type) throws BusinessException {
        Object value = ctx.get(CONTEXT_ENTITY);
        if (value == null) {
            throw new BusinessException("This button needs an entity: none was given");
        }
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        if (value instanceof CustomEntityInstance cei) {
            if (!type.getSimpleName().equals(cei.getCetCode())) {
                throw new BusinessException("This button works on a " + type.getSimpleName() + ", not on a " + cei.getCetCode());
            }
            return CEIUtils.ceiToPojo(cei, type);
        }
        throw new BusinessException("Unexpected entity " + value.getClass().getName());
    }

    /** Whether this press is a dry run: {@link #DRY_RUN} given as {@code true} (a Boolean, or text from a form). */
    protected static boolean dryRun(Map<String, Object> ctx) {
        return flag(ctx, DRY_RUN);
    }

    /** A yes/no button parameter: {@code true} as a Boolean (Meveo's {@code #{true}}), or as text from a form or the CLI. */
    protected static boolean flag(Map<String, Object> ctx, String name) {
        Object value = ctx.get(name);
        return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString().strip());
    }

    /** A button parameter as text, or null when it is absent or blank. */
    protected static String parameter(Map<String, Object> ctx, String name) {
        Object value = ctx.get(name);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    protected void message(Map<String, Object> ctx, String format, Object... args) {
        ctx.put(RESULT_GUI_MESSAGE, args.length == 0 ? format : String.format(format, args));
    }

    /** The press's message, holding {@code secrets} for the operator's eyes only: see {@link #SHOWN_ONCE}. */
    protected void messageShownOnce(Map<String, Object> ctx, List<String> secrets, String format, Object... args) {
        ctx.put(SHOWN_ONCE, List.copyOf(secrets));
        message(ctx, format, args);
    }
}
