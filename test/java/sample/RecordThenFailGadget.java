package sample;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.CustomEntityInstance;

import io.mvinfra.buttons.ButtonScript;

/**
 * Test button shaped like a create that then waits: the provider's id is recorded at once, then the wait fails. The id
 * must survive the failure; what was written after it must not.
 */
public class RecordThenFailGadget extends ButtonScript {
    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        CustomEntityInstance gadget = entity(ctx, CustomEntityInstance.class);
        gadget.setCfValue("notes", "provider id srv-1");
        saveDurably(gadget);
        progress(ctx, "waiting for running: 40 s of 300 s");
        gadget.setCfValue("greeted", 999L);
        save(gadget);
        throw new BusinessException("server srv-1 ended in ERROR");
    }
}
