package io.mvinfra.cloudflare;

import java.util.Objects;

import io.mvinfra.cloudflare.dns.CloudflareDnsRecord;
import io.mvinfra.cloudflare.dns.DnsRecordClient;
import io.mvinfra.cloudflare.lockdown.LockdownRuleClient;
import io.mvinfra.cloudflare.zones.ZoneClient;
import io.mvinfra.http.ProviderHttp;

/**
 * The Cloudflare API v4 as mv-infra uses it, one part per resource, all signed and limited by one {@link ProviderHttp}.
 * Reads answer at once; creates, updates and deletes answer a {@code ProviderCall}, sent by the caller or only
 * described (a dry run). Lists are complete or fail.
 * <pre>{@code
 * CloudflareClient cloudflare = new CloudflareClient(access.http(new CloudflareDialect()));
 * CloudflareDnsRecord created = cloudflare.dnsRecords().create(zoneId, request).send();
 * }</pre>
 */
public final class CloudflareClient {

    private final ZoneClient zones;
    private final DnsRecordClient dnsRecords;
    private final LockdownRuleClient lockdownRules;

    /** @param http built with a {@link CloudflareDialect}, at {@link CloudflareDialect#PUBLIC_API} or a stand-in */
    public CloudflareClient(ProviderHttp http) {
        Objects.requireNonNull(http, "http");
        this.zones = new ZoneClient(http);
        this.dnsRecords = new DnsRecordClient(http);
        this.lockdownRules = new LockdownRuleClient(http);
    }

    public ZoneClient zones() {
        return zones;
    }

    public DnsRecordClient dnsRecords() {
        return dnsRecords;
    }

    public LockdownRuleClient lockdownRules() {
        return lockdownRules;
    }
}
