package io.mvinfra.cloudflare.client;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.mvinfra.http.ProviderCall;
import io.mvinfra.http.ProviderException;
import io.mvinfra.http.ProviderHttp;

/**
 * The Cloudflare API v4 operations mv-infra uses, one method each, typed both ways. Reads answer at once; creates,
 * updates and deletes answer a {@link ProviderCall}, sent by the caller or only described (a dry run). Lists are
 * complete or fail: every page, at the largest page size the API allows.
 * <pre>{@code
 * CloudflareClient cloudflare = new CloudflareClient(access.http(new CloudflareDialect()));
 * CloudflareDnsRecord created = cloudflare.createDnsRecord(zoneId, request).send();
 * }</pre>
 */
public final class CloudflareClient {

    // The largest page each list accepts (maxima of per_page in cloudflare.yaml): one round trip per page is the cost
    // of a list, so the fewer pages the better. A zone holds far fewer records than the DNS maximum on every plan, so
    // a zone's records come in one answer.
    static final int ZONES_PER_PAGE = 50;
    static final int DNS_RECORDS_PER_PAGE = 5_000_000;
    static final int LOCKDOWN_RULES_PER_PAGE = 1000;

    /** "Record already exists" and "A record with the same settings already exists". */
    private static final Set<String> ALREADY_EXISTS = Set.of("81057", "81058");
    private static final String RECORD_DOES_NOT_EXIST = "81044";
    private static final String NO_ROUTE = "7003";

    private final ProviderHttp http;

    /** @param http built with a {@link CloudflareDialect}, at {@link CloudflareDialect#PUBLIC_API} or a stand-in */
    public CloudflareClient(ProviderHttp http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    /** Every zone the credential may see, in every account. */
    public List<CloudflareZone> listZones() {
        return http.get("zones").query("per_page", ZONES_PER_PAGE).list(CloudflareZone.class);
    }

    public List<CloudflareDnsRecord> listDnsRecords(String zoneId) {
        return http.get("zones/{zone_id}/dns_records", zoneId).query("per_page", DNS_RECORDS_PER_PAGE)
                .list(CloudflareDnsRecord.class);
    }

    /** The records of the zone with exactly this type, name and (when not null) content. */
    public List<CloudflareDnsRecord> findDnsRecords(String zoneId, String type, String name, String content) {
        return http.get("zones/{zone_id}/dns_records", zoneId)
                .query("type", type).query("name", name).query("content", content)
                .query("per_page", DNS_RECORDS_PER_PAGE)
                .list(CloudflareDnsRecord.class);
    }

    /**
     * The record {@code request} would create, when the zone has it already: same type, name and content (or, for
     * the types set through {@code data}, the same data), which is what Cloudflare calls a duplicate.
     */
    public Optional<CloudflareDnsRecord> findIdenticalDnsRecord(String zoneId, DnsRecordRequest request) {
        return findDnsRecords(zoneId, request.type(), request.name(), request.content()).stream()
                .filter(found -> found.isIdenticalTo(request))
                .findFirst();
    }

    public CloudflareDnsRecord getDnsRecord(String zoneId, String recordId) {
        return http.get("zones/{zone_id}/dns_records/{dns_record_id}", zoneId, recordId).read(CloudflareDnsRecord.class);
    }

    /**
     * Creates a record. When the answer is lost (a timeout, a 429 or 5xx), the identical record is looked up before
     * any second send, so a create that went through is not duplicated.
     */
    public ProviderCall<CloudflareDnsRecord> createDnsRecord(String zoneId, DnsRecordRequest request) {
        return new ProviderCall<>(http.post("zones/{zone_id}/dns_records", zoneId).body(request),
                post -> post.create(CloudflareDnsRecord.class, () -> findIdenticalDnsRecord(zoneId, request)));
    }

    public ProviderCall<CloudflareDnsRecord> updateDnsRecord(String zoneId, String recordId, DnsRecordPatch patch) {
        if (patch.isEmpty()) {
            throw new IllegalArgumentException("an update of DNS record " + recordId + " without any change");
        }
        // The patch sets fields to values, so sending it twice leaves the record as sending it once: safe to retry.
        return new ProviderCall<>(http.patch("zones/{zone_id}/dns_records/{dns_record_id}", zoneId, recordId).body(patch)
                .safeToResend(), put -> put.read(CloudflareDnsRecord.class));
    }

    /** Deletes a record; the call answers the id deleted. */
    public ProviderCall<String> deleteDnsRecord(String zoneId, String recordId) {
        return new ProviderCall<>(http.delete("zones/{zone_id}/dns_records/{dns_record_id}", zoneId, recordId),
                delete -> {
                    delete.send();
                    return recordId;
                });
    }

    public List<CloudflareLockdownRule> listLockdownRules(String zoneId) {
        return http.get("zones/{zone_identifier}/firewall/lockdowns", zoneId).query("per_page", LOCKDOWN_RULES_PER_PAGE)
                .list(CloudflareLockdownRule.class);
    }

    /** Creates a rule; after a lost answer, a rule with the same URLs, sources and description is looked up first. */
    public ProviderCall<CloudflareLockdownRule> createLockdownRule(String zoneId, LockdownRuleRequest request) {
        return new ProviderCall<>(http.post("zones/{zone_identifier}/firewall/lockdowns", zoneId).body(request),
                post -> post.create(CloudflareLockdownRule.class, () -> listLockdownRules(zoneId).stream()
                        .filter(rule -> sameRule(request, rule)).findFirst()));
    }

    /** Replaces the rule with {@code request} (Cloudflare's update is a PUT of the whole rule). */
    public ProviderCall<CloudflareLockdownRule> updateLockdownRule(String zoneId, String ruleId, LockdownRuleRequest request) {
        return new ProviderCall<>(http.put("zones/{zone_identifier}/firewall/lockdowns/{id}", zoneId, ruleId).body(request),
                put -> put.read(CloudflareLockdownRule.class));
    }

    /** Deletes a rule; the call answers the id deleted. */
    public ProviderCall<String> deleteLockdownRule(String zoneId, String ruleId) {
        return new ProviderCall<>(http.delete("zones/{zone_identifier}/firewall/lockdowns/{id}", zoneId, ruleId),
                delete -> {
                    delete.send();
                    return ruleId;
                });
    }

    /** Cloudflare refused a create because the zone has that record already (81057, 81058). */
    public static boolean isAlreadyExists(ProviderException e) {
        return e.providerCodes().stream().anyMatch(ALREADY_EXISTS::contains);
    }

    /**
     * Cloudflare says the record or rule is not there (81044, or a 404 naming no other cause). A 7003 "could not
     * route" is not that: it means a malformed id or zone, and the thing may well exist.
     */
    public static boolean isGone(ProviderException e) {
        List<String> codes = e.providerCodes();
        return codes.contains(RECORD_DOES_NOT_EXIST) || e.httpStatus() == 404 && !codes.contains(NO_ROUTE);
    }

    static boolean sameRule(LockdownRuleRequest wanted, CloudflareLockdownRule found) {
        return new HashSet<>(wanted.urls()).equals(new HashSet<>(found.urls()))
                && new HashSet<>(wanted.configurations()).equals(new HashSet<>(found.configurations()))
                && Objects.equals(blankToNull(wanted.description()), blankToNull(found.description()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
