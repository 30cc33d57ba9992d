package io.mvinfra.cloudflare;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.DomainName;
import org.meveo.model.customEntities.ServiceProvider;

import io.mvinfra.buttons.ProviderButton;

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
        return new CloudflareClient(access(provider, CloudflareProfile.KIND).http(new CloudflareDialect()));
    }
}
