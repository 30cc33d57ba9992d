package io.mvinfra.host.web.testbuttons;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.ServiceProvider;

import io.mvinfra.buttons.ButtonScript;

/** A job's script: counts what it finds and reports it, as a scheduled refresh would. */
public class CountProviders extends ButtonScript {
    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        long active = findAll(ServiceProvider.class, "status", "ACTIVE").size();
        ctx.put(JOB_RESULT_NB_OK, active);
        ctx.put(JOB_RESULT_NB_KO, 0L);
        ctx.put(JOB_RESULT_REPORT, active + " active providers");
    }
}
