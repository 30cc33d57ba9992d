package io.mvinfra.credentials;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Credential;

/**
 * Reads a credential's fields for a profile, naming the credential and the field when one is missing:
 * {@code Credential cf-main: token is empty}.
 */
public final class CredentialFields {

    private final String name;

    CredentialFields(Credential credential) {
        String label = !isBlank(credential.getDomainName()) ? credential.getDomainName() : credential.getUuid();
        this.name = "Credential " + (label == null ? "(unsaved)" : label);
    }

    /** How messages name the credential: {@code Credential cf-main}. */
    public String name() {
        return name;
    }

    /** Trimmed: a key pasted with a trailing newline would be refused by the provider for no visible reason. */
    public String required(String field, String value) throws BusinessException {
        return required(field, value, null);
    }

    /** @param hint said in brackets after the problem, e.g. "the domain of user demo, e.g. Default" */
    public String required(String field, String value, String hint) throws BusinessException {
        return requiredAsIs(field, value, hint).strip();
    }

    /** As typed: a password may begin or end with a space. */
    public String requiredAsIs(String field, String value) throws BusinessException {
        return requiredAsIs(field, value, null);
    }

    public BusinessException problem(String problem) {
        return new BusinessException(name + ": " + problem);
    }

    private String requiredAsIs(String field, String value, String hint) throws BusinessException {
        if (isBlank(value)) {
            throw problem(field + " is empty" + (hint == null ? "" : " (" + hint + ")"));
        }
        return value;
    }

    public static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    public static String blankToNull(String value) {
        return isBlank(value) ? null : value.strip();
    }
}
