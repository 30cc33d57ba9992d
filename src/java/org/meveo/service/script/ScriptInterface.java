package org.meveo.service.script;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;

public interface ScriptInterface {
    void init(Map<String, Object> methodContext) throws BusinessException;

    void execute(Map<String, Object> methodContext) throws BusinessException;

    void finalize(Map<String, Object> methodContext) throws BusinessException;
}
