package io.mvinfra.cloudflare;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Credential;
import org.meveo.model.customEntities.DomainName;
import org.meveo.model.customEntities.ServiceProvider;

import io.mvinfra.buttons.ProviderButton;
import io.mvinfra.cloudflare.client.CloudflareClient;
import io.mvinfra.cloudflare.client.CloudflareDialect;
import io.mvinfra.credentials.ProviderAccess;
import io.mvinfra.credentials.ProviderKind;
import io.mvinfra.http.HttpRuntime;
import io.mvinfra.http.ProviderException;

/**
 * What every Cloudflare button shares besides {@link ProviderButton}: the zone an entity belongs to and the client
 * signed with the credential of the zone's provider.
 */
public abstract class CloudflareButton extends ProviderButton {

    protected CloudflareButton() {
        super("Cloudflare");
    }

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
        if (!ProviderKind.CLOUDFLARE.name().equals(provider.getKind())) {
            throw new BusinessException("ServiceProvider " + provider.getCode() + " is of kind " + provider.getKind()
                    + ", not " + ProviderKind.CLOUDFLARE);
        }
        Credential credential = provider.getCredential() == null ? null
                : resolve(provider.getCredential(), Credential.class, "ServiceProvider " + provider.getCode() + ": credential");
        ProviderAccess access = ProviderAccess.of(provider, credential, HttpRuntime.shared());
        return new CloudflareClient(access.http(new CloudflareDialect()));
    }

    /** Cloudflare's dialect counts a 7003 "could not route" as NOT_FOUND; for a delete that is no proof the thing is gone. */
    @Override
    protected boolean isGone(ProviderException e) {
        return CloudflareClient.isGone(e);
    }
}
