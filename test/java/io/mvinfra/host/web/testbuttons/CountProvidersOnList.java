package io.mvinfra.host.web.testbuttons;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.ServiceProvider;

import io.mvinfra.buttons.ButtonScript;

/** Test button pressed on the ServiceProvider list: there is no entity, only the list's templates. */
public class CountProvidersOnList extends ButtonScript {
    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        if (ctx.containsKey(CONTEXT_ENTITY)) {
            throw new BusinessException("pressed on the list, yet given an entity");
        }
        message(ctx, "%d service providers", storage().find(repository(), ServiceProvider.class).getResults().size());
    }
}
