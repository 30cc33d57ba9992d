package io.mvinfra.cloudflare;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Credential;
import org.meveo.model.customEntities.DomainName;
import org.meveo.model.customEntities.ServiceProvider;

import io.mvinfra.buttons.ButtonScript;
import io.mvinfra.credentials.CheckResult;
import io.mvinfra.credentials.CredentialCheck;
import io.mvinfra.http.HttpRuntime;

/**
 * DomainName → "Check token validity": the credential of the domain's registrar checked as its own "Check token"
 * button does (for a Cloudflare API token, {@code /user/tokens/verify}); the status is recorded on the credential
 * and shown. An invalid token is an answer, not a failure of the press: the status it leaves must be kept.
 */
public class CheckRegistrarToken extends ButtonScript {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        DomainName domain = entity(ctx, DomainName.class);
        ServiceProvider provider = resolve(domain.getRegistrar(), ServiceProvider.class, "Domain " + domain.getName() + ": registrar");
        Credential credential = resolve(provider.getCredential(), Credential.class, "ServiceProvider " + provider.getCode() + ": credential");
        CheckResult result = new CredentialCheck(HttpRuntime.shared(), CredentialCheck.DEFAULT_EXPIRING_WITHIN).check(credential, provider, false);
        save(result.changes(credential.getUuid()));
        message(ctx, "Token of %s: %s (%s)", provider.getCode(), result.conclusive() ? result.status() : "not checked", result.reason());
    }
}
