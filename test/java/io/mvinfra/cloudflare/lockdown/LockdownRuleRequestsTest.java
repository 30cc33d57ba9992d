package io.mvinfra.cloudflare.lockdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.DomainName;
import org.meveo.model.customEntities.LockdownRule;

/** The rules a LockdownRule meets before Cloudflare is asked anything ({@link LockdownRuleRequests}). */
class LockdownRuleRequestsTest {

    private static final DomainName ZONE = zone();

    private static DomainName zone() {
        DomainName zone = new DomainName("d1");
        zone.setName("example.com");
        zone.setMaxActiveLockdownRules(3L);
        return zone;
    }

    private static LockdownRule rule(List<String> urls, List<String> ips, List<String> ranges) {
        LockdownRule rule = new LockdownRule("r-new");
        rule.setUrls(urls);
        rule.setIps(ips);
        rule.setIpRanges(ranges);
        return rule;
    }

    private static String problemsOf(LockdownRule rule) {
        try {
            LockdownRuleRequests.of(rule, ZONE);
            return "";
        } catch (BusinessException e) {
            return e.getMessage();
        }
    }

    @Test
    void sendsTheWholeRuleWithAddressesAndRangesAsConfigurations() throws Exception {
        LockdownRule rule = rule(List.of("example.com/admin*", "*.example.com/api/*"), List.of("198.51.100.4", "2001:DB8::7", "198.51.100.4"),
                List.of("203.0.113.0/24", "198.51.0.0/16", "2001:db8::/32", "2001:db8:1::/48", "2001:db8:1:2::/64"));
        rule.setDescription("Admin");
        rule.setPriority(3L);

        LockdownRuleRequest request = LockdownRuleRequests.of(rule, ZONE);

        assertThat(request.urls()).containsExactly("example.com/admin*", "*.example.com/api/*");
        assertThat(request.configurations()).containsExactly(LockdownConfiguration.ip("198.51.100.4"), LockdownConfiguration.ip("2001:db8::7"),
                LockdownConfiguration.ipRange("203.0.113.0/24"), LockdownConfiguration.ipRange("198.51.0.0/16"),
                LockdownConfiguration.ipRange("2001:db8::/32"), LockdownConfiguration.ipRange("2001:db8:1::/48"),
                LockdownConfiguration.ipRange("2001:db8:1:2::/64"));
        assertThat(request.paused()).isFalse();
        assertThat(request.priority()).isEqualTo(3);
    }

    @Test
    void needsAUrlAndASource() {
        assertThat(problemsOf(rule(List.of(), List.of(), null))).isEqualTo("LockdownRule.urls: at least one URL is required, e.g. example.com/admin*; "
                + "LockdownRule.ips: at least one IP address or IP range (ipRanges) is required: the only sources let through");
    }

    @Test
    void takesOnlyTheRangeSizesCloudflareTakes() {
        assertThat(problemsOf(rule(List.of("example.com/*"), null, List.of("10.0.0.0/8", "2001:db8::/56", "10.0.0.0"))))
                .isEqualTo("LockdownRule.ipRanges: '10.0.0.0/8': Cloudflare takes IPv4 ranges of /16 or /24 only; "
                        + "LockdownRule.ipRanges: '2001:db8::/56': Cloudflare takes IPv6 ranges of /32 or /48 or /64 only; "
                        + "LockdownRule.ipRanges: '10.0.0.0' is not an IP range (an address, /, a prefix length)");
    }

    @Test
    void aDescriptionHasAtMost1024Characters() {
        LockdownRule rule = rule(List.of("example.com/*"), List.of("192.0.2.1"), null);
        rule.setDescription("d".repeat(1024));
        assertThat(problemsOf(rule)).isEmpty();
        rule.setDescription("d".repeat(1025));
        assertThat(problemsOf(rule)).isEqualTo("LockdownRule.description: must be at most 1024 characters, is 1025");
    }

    @Test
    void aZoneKeepsItsMaximumOfActiveRules() {
        List<LockdownRule> zoneRules = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            LockdownRule active = rule(List.of("example.com/*"), List.of("192.0.2.1"), null);
            active.setUuid("r" + i);
            active.setProviderSideId("id" + i);
            zoneRules.add(active);
        }
        LockdownRule fourth = rule(List.of("example.com/*"), List.of("192.0.2.1"), null);

        assertThatThrownBy(() -> LockdownRuleRequests.checkActiveLimit(fourth, ZONE, zoneRules))
                .hasMessageStartingWith("LockdownRule.paused: example.com has 3 active lockdown rules already");
        fourth.setPaused(true);
        assertThatCode(() -> LockdownRuleRequests.checkActiveLimit(fourth, ZONE, zoneRules)).as("a paused rule").doesNotThrowAnyException();
        fourth.setPaused(false);
        zoneRules.get(0).setPaused(true);
        assertThatCode(() -> LockdownRuleRequests.checkActiveLimit(fourth, ZONE, zoneRules)).as("one of them paused").doesNotThrowAnyException();
        zoneRules.get(0).setPaused(false);
        assertThatCode(() -> LockdownRuleRequests.checkActiveLimit(zoneRules.get(1), ZONE, zoneRules)).as("an active rule updated").doesNotThrowAnyException();
        zoneRules.get(2).setMissingAtProvider(true);
        assertThatCode(() -> LockdownRuleRequests.checkActiveLimit(fourth, ZONE, zoneRules)).as("one gone from Cloudflare").doesNotThrowAnyException();
    }
}
