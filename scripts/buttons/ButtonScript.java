package buttons;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.CustomEntityInstance;
import org.meveo.model.persistence.CEIUtils;

/** The lines every button repeats: read the pressed entity, tell the operator; storage comes from {@link ModuleScript}. */
public abstract class ButtonScript extends ModuleScript {

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

    protected void message(Map<String, Object> ctx, String format, Object... args) {
        ctx.put(RESULT_GUI_MESSAGE, args.length == 0 ? format : String.format(format, args));
    }
}
