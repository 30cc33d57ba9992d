package io.mvinfra.credentials;

import java.util.List;
import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Credential;
import org.meveo.model.customEntities.ServiceProvider;

import io.mvinfra.buttons.ButtonScript;
import io.mvinfra.http.HttpRuntime;

/**
 * Button "Check token" on a Credential: asks the provider (for OpenStack, a fresh Keystone authentication) and
 * records status, reason and time of the check.
 */
public class CheckToken extends ButtonScript {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        Credential credential = entity(ctx, Credential.class);
        if (!CredentialCheck.checkable(credential)) {
            throw new BusinessException("authenticationType " + credential.getAuthenticationType() + " is not a provider API credential: nothing to check");
        }
        List<ServiceProvider> users = findAll(ServiceProvider.class, "credential", credential.getUuid());
        CheckResult result = new CredentialCheck(HttpRuntime.shared(), CredentialCheck.DEFAULT_EXPIRING_WITHIN)
                .check(credential, users.isEmpty() ? null : users.get(0), true);
        // kept whatever follows: a refused token stays INVALID although the press then fails
        saveDurably(result.changes(credential.getUuid()));
        String outcome = String.format("%s: %s (%s)", label(credential), result.conclusive() ? result.status() : "not checked", result.reason());
        if (CheckResult.INVALID.equals(result.status())) {
            // a script running `action run … checkToken && …` must stop here; the INVALID status is kept
            throw new BusinessException(outcome);
        }
        message(ctx, outcome);
    }

    static String label(Credential credential) {
        String name = credential.getDomainName() != null && !credential.getDomainName().isBlank() ? credential.getDomainName() : credential.getUuid();
        return "Credential " + name;
    }
}
