package org.meveo.admin.exception;

/** Meveo's checked business error: its message is what the operator sees after a button. */
public class BusinessException extends Exception {
    private static final long serialVersionUID = 1L;

    public BusinessException() {
        super();
    }

    public BusinessException(String message) {
        super(message);
    }

    public BusinessException(Throwable cause) {
        super(cause);
    }

    public BusinessException(String message, Throwable cause) {
        super(message, cause);
    }
}
