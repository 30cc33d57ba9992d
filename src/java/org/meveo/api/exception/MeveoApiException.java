package org.meveo.api.exception;

import org.meveo.admin.exception.BusinessException;

public class MeveoApiException extends BusinessException {
    private static final long serialVersionUID = 1L;

    public MeveoApiException(String message) {
        super(message);
    }
}
