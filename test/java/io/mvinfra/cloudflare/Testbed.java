package io.mvinfra.cloudflare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.mvinfra.host.Host;
import io.mvinfra.host.runtime.PressRequest;
import io.mvinfra.host.runtime.PressResult;
import io.mvinfra.host.store.StoredEntity;
import support.TestHosts;

/**
 * The module on a host, as an operator has it: a CLOUDFLARE ServiceProvider whose API is {@code apiBaseUrl} (a
 * WireMock stub or Prism), its API-token credential, and the domain example.com linked to its zone. Buttons are
 * pressed as on the CLI; entities are read back from the store.
 */
final class Testbed implements AutoCloseable {

    static final String ZONE_ID = "023e105f4ecef8ad9ca31a8372d0c353";
    static final String RECORDS = "/zones/" + ZONE_ID + "/dns_records";
    static final String LOCKDOWNS = "/zones/" + ZONE_ID + "/firewall/lockdowns";
    static final String RECORD_ID = "372e67954025e0ba6aaa6d586b9e0b59";
    static final String TOKEN = "cf-token-3f9a1c77e2b54d0c-do-not-leak";

    private final Path home;
    final Host host;
    final String credential;
    final String provider;
    final String domain;

    private Testbed(Path home, String apiBaseUrl) {
        this.home = home;
        this.host = TestHosts.open(home, TestHosts.Db.EMBEDDED, TestHosts.projectDir());
        this.credential = create("Credential", Map.of("domainName", "api.cloudflare.com",
                "authenticationType", "CLOUDFLARE_API_TOKEN", "token", TOKEN));
        this.provider = create("ServiceProvider", Map.of("code", "cf-main", "kind", "CLOUDFLARE",
                "apiBaseUrl", apiBaseUrl, "credential", credential));
        this.domain = create("DomainName", Map.of("name", "example.com", "tld", "com", "registrar", provider,
                "providerSideId", ZONE_ID));
    }

    static Testbed at(String apiBaseUrl) {
        return new Testbed(TestHosts.tempHome(), apiBaseUrl);
    }

    String create(String cet, Map<String, ?> fields) {
        return host.store().create(cet, fields).uuid();
    }

    /** A DnsRecord of example.com: {@code dnsRecord("name", "www", "recordType", "A", …)}. */
    String dnsRecord(Object... fieldsAndValues) {
        return create("DnsRecord", with("domainName", domain, fieldsAndValues));
    }

    String lockdownRule(Object... fieldsAndValues) {
        return create("LockdownRule", with("domainName", domain, fieldsAndValues));
    }

    void update(String cet, String uuid, Object... fieldsAndValues) {
        host.store().update(cet, uuid, null, with(null, null, fieldsAndValues));
    }

    PressResult press(String cet, String action, String uuid) {
        return press(cet, action, uuid, Map.of());
    }

    PressResult press(String cet, String action, String uuid, Map<String, Object> parameters) {
        return host.actions().press(new PressRequest(cet, action, uuid, "tester", parameters));
    }

    PressResult dryRun(String cet, String action, String uuid) {
        return press(cet, action, uuid, Map.of("dryRun", Boolean.TRUE));
    }

    StoredEntity entity(String cet, String uuid) {
        return host.store().require(cet, uuid);
    }

    Object field(String cet, String uuid, String field) {
        return entity(cet, uuid).value(field);
    }

    /** Every entity of a template with its fields, to compare before and after a press. */
    List<Map<String, Object>> snapshot(String cet) {
        return host.store().findBy(cet, Map.of()).stream().map(e -> {
            Map<String, Object> fields = new LinkedHashMap<>(e.values());
            fields.put("uuid", e.uuid());
            fields.put("version", e.version());
            return fields;
        }).toList();
    }

    List<StoredEntity> all(String cet, String field, Object value) {
        return host.store().findBy(cet, Map.of(field, value));
    }

    @Override
    public void close() {
        host.close();
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> with(String firstField, Object firstValue, Object... fieldsAndValues) {
        Map<String, Object> fields = new HashMap<>();
        if (firstField != null) {
            fields.put(firstField, firstValue);
        }
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            fields.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return fields;
    }
}
