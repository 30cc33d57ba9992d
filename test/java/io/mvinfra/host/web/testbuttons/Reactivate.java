package io.mvinfra.host.web.testbuttons;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.ServiceProvider;

import io.mvinfra.buttons.ButtonScript;

/** Writes the pressed entity back, as provider buttons do with the provider's answer. */
public class Reactivate extends ButtonScript {
    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        ServiceProvider provider = entity(ctx, ServiceProvider.class);
        provider.setStatus("ACTIVE");
        save(provider);
        message(ctx, "%s is active again", provider.getCode());
    }
}
