package cloudflare;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Credential;
import org.meveo.model.customEntities.DomainName;
import org.meveo.model.customEntities.ServiceProvider;

import cloudflare.client.CloudflareToken;

/**
 * DomainName → "Check token validity": asks Cloudflare ({@code /user/tokens/verify}) about the API token of the
 * domain's provider and says its status; a token not active fails the press, so it cannot pass unnoticed.
 */
public class CheckToken extends CloudflareButton {

    static final String API_TOKEN = "CLOUDFLARE_API_TOKEN";

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        DomainName domain = entity(ctx, DomainName.class);
        ServiceProvider provider = resolve(domain.getRegistrar(), ServiceProvider.class, "Domain " + domain.getName() + ": registrar");
        Credential credential = resolve(provider.getCredential(), Credential.class, "ServiceProvider " + provider.getCode() + ": credential");
        if (!API_TOKEN.equals(credential.getAuthenticationType())) {
            throw new BusinessException("ServiceProvider " + provider.getCode() + " signs with a " + credential.getAuthenticationType()
                    + " credential: Cloudflare verifies API tokens (" + API_TOKEN + ") only");
        }
        CloudflareToken token = cloudflare(provider).verifyToken();
        String status = "The Cloudflare API token of " + provider.getCode() + " is " + token.status() + " (token id " + token.id()
                + (token.expiresOn() == null ? ", no expiry" : (token.isActive() ? ", expires " : ", expired ") + token.expiresOn())
                + (token.notBefore() == null ? "" : ", valid from " + token.notBefore()) + ")";
        if (!token.isActive()) {
            throw new BusinessException(status);
        }
        message(ctx, status);
    }
}
