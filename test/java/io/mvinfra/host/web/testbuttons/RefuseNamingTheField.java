package io.mvinfra.host.web.testbuttons;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;

import io.mvinfra.buttons.ButtonScript;

/** Fails as a provider refusal does: a BusinessException whose message is for the operator. */
public class RefuseNamingTheField extends ButtonScript {
    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        throw new BusinessException("apiBaseUrl: the provider answered 404 at this address <check it>");
    }
}
