package org.meveo.api.exception;

public class EntityDoesNotExistsException extends MeveoApiException {
    private static final long serialVersionUID = 1L;

    public EntityDoesNotExistsException(String message) {
        super(message);
    }

    public EntityDoesNotExistsException(String entityName, String code) {
        super(entityName + " with code=" + code + " does not exists.");
    }
}
