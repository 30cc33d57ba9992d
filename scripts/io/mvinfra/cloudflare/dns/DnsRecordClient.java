package io.mvinfra.cloudflare.dns;

import java.util.List;
import java.util.Optional;

import io.mvinfra.http.ProviderCall;
import io.mvinfra.http.Pages;
import io.mvinfra.http.ProviderHttp;
import io.mvinfra.http.ProviderRequest;

/** The DNS records of a Cloudflare zone, typed both ways. */
public final class DnsRecordClient {

    // One round trip per page is the cost of a list, so the fewer pages the better: a zone holds far fewer records
    // than this maximum of per_page in cloudflare.yaml on every plan, so its records come in one answer.
    static final int DNS_RECORDS_PER_PAGE = 5_000_000;

    private final ProviderHttp http;

    public DnsRecordClient(ProviderHttp http) {
        this.http = http;
    }

    public List<CloudflareDnsRecord> list(String zoneId) {
        return all(zoneId).list(CloudflareDnsRecord.class);
    }

    /** Every record of the zone, handed a page at a time as the pages arrive (see {@link ProviderRequest#eachPage}). */
    public <X extends Exception> void eachPage(String zoneId, Pages.Handler<CloudflareDnsRecord, X> handler) throws X {
        all(zoneId).eachPage(CloudflareDnsRecord.class, handler);
    }

    private ProviderRequest all(String zoneId) {
        return http.get("zones/{zone_id}/dns_records", zoneId).query("per_page", DNS_RECORDS_PER_PAGE);
    }

    /** The records of the zone with exactly this type, name and (when not null) content. */
    public List<CloudflareDnsRecord> find(String zoneId, String type, String name, String content) {
        return http.get("zones/{zone_id}/dns_records", zoneId)
                .query("type", type).query("name", name).query("content", content)
                .query("per_page", DNS_RECORDS_PER_PAGE)
                .list(CloudflareDnsRecord.class);
    }

    /**
     * The record {@code request} would create, when the zone has it already: same type, name and content (or, for
     * the types set through {@code data}, the same data), which is what Cloudflare calls a duplicate.
     */
    public Optional<CloudflareDnsRecord> findIdentical(String zoneId, DnsRecordRequest request) {
        return find(zoneId, request.type(), request.name(), request.content()).stream()
                .filter(found -> found.isIdenticalTo(request))
                .findFirst();
    }

    public CloudflareDnsRecord get(String zoneId, String recordId) {
        return http.get("zones/{zone_id}/dns_records/{dns_record_id}", zoneId, recordId).read(CloudflareDnsRecord.class);
    }

    /**
     * Creates a record. When the answer is lost (a timeout, a 429 or 5xx), the identical record is looked up before
     * any second send, so a create that went through is not duplicated.
     */
    public ProviderCall<CloudflareDnsRecord> create(String zoneId, DnsRecordRequest request) {
        return new ProviderCall<>(http.post("zones/{zone_id}/dns_records", zoneId).body(request),
                post -> post.create(CloudflareDnsRecord.class, () -> findIdentical(zoneId, request)));
    }

    public ProviderCall<CloudflareDnsRecord> update(String zoneId, String recordId, DnsRecordPatch patch) {
        if (patch.isEmpty()) {
            throw new IllegalArgumentException("an update of DNS record " + recordId + " without any change");
        }
        // The patch sets fields to values, so sending it twice leaves the record as sending it once: safe to retry.
        return new ProviderCall<>(http.patch("zones/{zone_id}/dns_records/{dns_record_id}", zoneId, recordId).body(patch)
                .safeToResend(), put -> put.read(CloudflareDnsRecord.class));
    }

    /** Deletes a record; the call answers the id deleted. */
    public ProviderCall<String> delete(String zoneId, String recordId) {
        return ProviderCall.answering(http.delete("zones/{zone_id}/dns_records/{dns_record_id}", zoneId, recordId), recordId);
    }
}
