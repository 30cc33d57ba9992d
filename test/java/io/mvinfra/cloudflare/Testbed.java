package io.mvinfra.cloudflare;

import java.util.Map;

import support.ModuleTestbed;

/**
 * The module as a Cloudflare operator has it: a CLOUDFLARE ServiceProvider whose API is {@code apiBaseUrl} (a
 * WireMock stub or Prism), its API-token credential, and the domain example.com linked to its zone.
 */
final class Testbed extends ModuleTestbed {

    static final String ZONE_ID = "023e105f4ecef8ad9ca31a8372d0c353";
    static final String RECORDS = "/zones/" + ZONE_ID + "/dns_records";
    static final String LOCKDOWNS = "/zones/" + ZONE_ID + "/firewall/lockdowns";
    static final String RECORD_ID = "372e67954025e0ba6aaa6d586b9e0b59";
    static final String TOKEN = "cf-token-3f9a1c77e2b54d0c-do-not-leak";

    final String credential;
    final String provider;
    final String domain;

    private Testbed(String apiBaseUrl) {
        this.credential = create("Credential", Map.of("domainName", "api.cloudflare.com",
                "authenticationType", "CLOUDFLARE_API_TOKEN", "token", TOKEN));
        this.provider = create("ServiceProvider", Map.of("code", "cf-main", "kind", "CLOUDFLARE",
                "apiBaseUrl", apiBaseUrl, "credential", credential));
        this.domain = create("DomainName", Map.of("name", "example.com", "tld", "com", "registrar", provider,
                "providerSideId", ZONE_ID));
    }

    static Testbed at(String apiBaseUrl) {
        return new Testbed(apiBaseUrl);
    }

    /** A DnsRecord of example.com: {@code dnsRecord("name", "www", "recordType", "A", …)}. */
    String dnsRecord(Object... fieldsAndValues) {
        return create("DnsRecord", fields("domainName", domain, fieldsAndValues));
    }

    String lockdownRule(Object... fieldsAndValues) {
        return create("LockdownRule", fields("domainName", domain, fieldsAndValues));
    }
}
