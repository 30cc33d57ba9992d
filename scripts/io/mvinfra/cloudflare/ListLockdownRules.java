package io.mvinfra.cloudflare;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.DomainName;
import org.meveo.model.customEntities.LockdownRule;

import io.mvinfra.cloudflare.lockdown.CloudflareLockdownRule;
import io.mvinfra.cloudflare.lockdown.LockdownConfiguration;
import io.mvinfra.cloudflare.lockdown.LockdownRuleMapper;
import io.mvinfra.sync.Reconciliation;

/** DomainName → "List lockdown rules": every Zone Lockdown rule of the zone, as LockdownRule entities. */
public class ListLockdownRules extends CloudflareButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        DomainName zone = zone(entity(ctx, DomainName.class), "DomainName");
        List<CloudflareLockdownRule> rules = cloudflare(zone).lockdownRules().list(zone.getProviderSideId());
        DomainName zoneReference = new DomainName(zone.getUuid());
        Reconciliation.Outcome outcome = Reconciliation.byId(LockdownRule::getProviderSideId, CloudflareLockdownRule::id)
                .naturalKey(rule -> identity(rule.getUrls(), rule.getIps(), rule.getIpRanges()),
                        item -> identity(item.urls(), item.valuesOf(LockdownConfiguration.IP), item.valuesOf(LockdownConfiguration.IP_RANGE)))
                .create(item -> {
                    LockdownRule rule = new LockdownRule();
                    rule.setDomainName(zoneReference);
                    return rule;
                })
                .copy(LockdownRuleMapper::copy)
                .markMissing(LockdownRuleMapper::markMissing)
                .run(findAll(LockdownRule.class, "domainName", zone.getUuid()), rules, this::save);
        message(ctx, "Lockdown rules of %s: %s", zone.getName(), outcome.summary());
    }

    /** A rule made here and not linked yet is the listed one with the same URLs and sources. */
    private static String identity(List<String> urls, List<String> ips, List<String> ranges) {
        if (urls == null || urls.isEmpty()) {
            return null;
        }
        return new TreeSet<>(urls) + " " + new TreeSet<>(ips == null ? List.of() : ips) + " " + new TreeSet<>(ranges == null ? List.of() : ranges);
    }
}
