package io.mvinfra.cloudflare.lockdown;

import org.meveo.model.customEntities.LockdownRule;

import io.mvinfra.sync.FieldChanges;

/** A Cloudflare lockdown rule written into its LockdownRule; says whether anything changed. */
public final class LockdownRuleMapper {

    private LockdownRuleMapper() {
    }

    public static boolean copy(LockdownRule rule, CloudflareLockdownRule answer) {
        return new FieldChanges()
                .set(rule.getProviderSideId(), answer.id(), rule::setProviderSideId)
                .list(rule.getUrls(), answer.urls(), rule::setUrls)
                .list(rule.getIps(), answer.valuesOf(LockdownConfiguration.IP), rule::setIps)
                .list(rule.getIpRanges(), answer.valuesOf(LockdownConfiguration.IP_RANGE), rule::setIpRanges)
                .text(rule.getDescription(), answer.description(), rule::setDescription)
                .set(rule.getPaused(), answer.paused(), rule::setPaused)
                .number(rule.getPriority(), answer.priority(), rule::setPriority)
                .set(rule.getCreationDate(), answer.createdOn(), rule::setCreationDate)
                .set(rule.getLastUpdated(), answer.modifiedOn(), rule::setLastUpdated)
                .set(rule.getMissingAtProvider(), Boolean.FALSE, rule::setMissingAtProvider)
                .any();
    }

    public static boolean markMissing(LockdownRule rule) {
        return FieldChanges.markMissing(rule.getMissingAtProvider(), rule::setMissingAtProvider);
    }
}
