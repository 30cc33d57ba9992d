package io.mvinfra.cloudflare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.CustomEntityInstance;
import org.meveo.model.customEntities.DomainName;
import org.meveo.model.customEntities.ServiceProvider;

import io.mvinfra.cloudflare.zones.CloudflareZone;
import io.mvinfra.cloudflare.zones.ZoneMapper;
import io.mvinfra.sync.Reconciliation;

/**
 * ServiceProvider or DomainName → "List Cloudflare domains": every zone the provider's credential sees, as
 * DomainName entities (name, TLD, status, registrar). On a domain, its registrar is listed; on the domains' list
 * (no entity), every CLOUDFLARE provider.
 */
public class ListDomains extends CloudflareButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        List<String> reports = new ArrayList<>();
        for (ServiceProvider provider : providers(ctx)) {
            List<CloudflareZone> zones = cloudflare(provider).zones().list();
            ServiceProvider registrar = new ServiceProvider(provider.getUuid());
            Reconciliation.Outcome outcome = Reconciliation.byId(DomainName::getProviderSideId, CloudflareZone::id)
                    .naturalKey(domain -> domain.getName() == null ? null : domain.getName().strip().toLowerCase(Locale.ROOT),
                            zone -> zone.name().toLowerCase(Locale.ROOT))
                    .create(zone -> {
                        DomainName domain = new DomainName();
                        domain.setRegistrar(registrar);
                        return domain;
                    })
                    .copy(ZoneMapper::copy)
                    .markMissing(ZoneMapper::markMissing)
                    .run(findAll(DomainName.class, "registrar", provider.getUuid()), zones, this::save);
            reports.add("Cloudflare domains of " + provider.getCode() + ": " + outcome.summary());
        }
        message(ctx, String.join("\n", reports));
    }

    private List<ServiceProvider> providers(Map<String, Object> ctx) throws BusinessException {
        Object pressed = ctx.get(CONTEXT_ENTITY);
        if (pressed == null) {
            List<ServiceProvider> all = findAll(ServiceProvider.class, "kind", "CLOUDFLARE");
            if (all.isEmpty()) {
                throw new BusinessException("No ServiceProvider of kind CLOUDFLARE to list the domains of");
            }
            return all;
        }
        if (pressed instanceof ServiceProvider || pressed instanceof CustomEntityInstance cei && "ServiceProvider".equals(cei.getCetCode())) {
            return List.of(entity(ctx, ServiceProvider.class));
        }
        DomainName domain = entity(ctx, DomainName.class);
        return List.of(resolve(domain.getRegistrar(), ServiceProvider.class, "Domain " + domain.getName() + ": registrar"));
    }
}
