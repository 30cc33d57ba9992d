package sample;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.CustomEntityInstance;

import io.mvinfra.buttons.ButtonScript;

/** Test button: writes, then fails as a provider refusal would; nothing it wrote may survive. */
public class FailingGadget extends ButtonScript {
    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        CustomEntityInstance gadget = entity(ctx, CustomEntityInstance.class);
        gadget.setCfValue("greeted", 999L);
        save(gadget);
        throw new BusinessException("provider refused the request: quota exceeded");
    }
}
