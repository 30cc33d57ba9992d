package io.mvinfra.host.web.testbuttons;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;

import io.mvinfra.buttons.ButtonScript;

/** A job's script that fails, as a refresh whose provider is down would: a run of outcome FAILED for the report. */
public class FailingJob extends ButtonScript {
    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        throw new BusinessException("the provider did not answer");
    }
}
