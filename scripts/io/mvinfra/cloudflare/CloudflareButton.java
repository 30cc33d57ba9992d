package io.mvinfra.cloudflare;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Credential;
import org.meveo.model.customEntities.DomainName;
import org.meveo.model.customEntities.ServiceProvider;

import io.mvinfra.buttons.ButtonScript;
import io.mvinfra.credentials.ProviderAccess;
import io.mvinfra.http.HttpRuntime;
import io.mvinfra.http.ProviderCall;
import io.mvinfra.http.ProviderException;

/**
 * What every Cloudflare button shares: the zone an entity belongs to, the client signed with the credential of the
 * zone's provider, the dry-run answer, and Cloudflare's refusals told to the operator in Cloudflare's words.
 */
public abstract class CloudflareButton extends ButtonScript {

    @Override
    public final void execute(Map<String, Object> ctx) throws BusinessException {
        try {
            press(ctx);
        } catch (ProviderException e) {
            throw refusal(e);
        }
    }

    /** The button's work. A {@link ProviderException} let through becomes the operator's message, and rolls back. */
    protected abstract void press(Map<String, Object> ctx) throws BusinessException;

    /** The domain a record or rule belongs to, linked to its Cloudflare zone. */
    protected DomainName zone(DomainName reference, String owner) throws BusinessException {
        DomainName zone = resolve(reference, DomainName.class, owner + ": domainName");
        if (zone.getProviderSideId() == null || zone.getProviderSideId().isBlank()) {
            throw new BusinessException("Domain " + zone.getName() + " has no Cloudflare zone id yet: press 'List Cloudflare domains' to link it");
        }
        return zone;
    }

    /** The client of the provider serving the zone (its registrar), signed with that provider's credential. */
    protected CloudflareClient cloudflare(DomainName zone) throws BusinessException {
        return cloudflare(resolve(zone.getRegistrar(), ServiceProvider.class, "Domain " + zone.getName() + ": registrar"));
    }

    protected CloudflareClient cloudflare(ServiceProvider provider) throws BusinessException {
        if (!CloudflareProfile.KIND.equals(provider.getKind())) {
            throw new BusinessException("ServiceProvider " + provider.getCode() + " is of kind " + provider.getKind()
                    + ", not " + CloudflareProfile.KIND);
        }
        Credential credential = provider.getCredential() == null ? null
                : resolve(provider.getCredential(), Credential.class, "ServiceProvider " + provider.getCode() + ": credential");
        ProviderAccess access = ProviderAccess.of(provider, credential, HttpRuntime.shared());
        return new CloudflareClient(access.http(new CloudflareDialect()));
    }

    /**
     * Sends a delete, and says what became of the thing: one already gone from Cloudflare (deleted there meanwhile)
     * is as good as deleted, so the entity can go too.
     */
    protected static String sendDelete(ProviderCall<String> delete) {
        try {
            delete.send();
            return "deleted at Cloudflare";
        } catch (ProviderException e) {
            if (!e.is(ProviderException.Kind.NOT_FOUND)) {
                throw e;
            }
            return "was already gone from Cloudflare";
        }
    }

    /** A dry run's answer: the exact request, which was not sent. */
    protected void describeDryRun(Map<String, Object> ctx, ProviderCall<?> call) {
        message(ctx, "Dry run: %s", call.describe());
    }
}
