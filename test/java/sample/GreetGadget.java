package sample;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.CustomEntityInstance;

import io.mvinfra.buttons.ButtonScript;

/** Test button: counts greetings on the entity and says hello; proves it could read the decrypted secret. */
public class GreetGadget extends ButtonScript {
    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        CustomEntityInstance gadget = entity(ctx, CustomEntityInstance.class);
        Object greeted = gadget.getCfValue("greeted");
        long count = greeted == null ? 1 : ((Number) greeted).longValue() + 1;
        gadget.setCfValue("greeted", count);
        save(gadget);
        Object secret = gadget.getCfValue("secret");
        message(ctx, "%s %s (greeted %d times, secret of %d characters)", ctx.getOrDefault("greeting", "Hi"), gadget.getCfValue("name"), count,
                secret == null ? 0 : secret.toString().length());
    }
}
