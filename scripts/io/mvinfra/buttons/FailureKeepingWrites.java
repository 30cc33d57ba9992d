package io.mvinfra.buttons;

import org.meveo.admin.exception.BusinessException;

/**
 * A press that failed after learning something worth keeping (Check token: the provider refused the token, so the
 * credential is now INVALID). The operator sees a failure, as with any BusinessException, but what the script saved
 * before throwing stays saved, as it does in Meveo, where each storage write commits on its own.
 */
public class FailureKeepingWrites extends BusinessException {
    private static final long serialVersionUID = 1L;

    public FailureKeepingWrites(String message) {
        super(message);
    }
}
