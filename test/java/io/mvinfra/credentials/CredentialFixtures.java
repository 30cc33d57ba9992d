package io.mvinfra.credentials;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.mvinfra.host.Host;
import io.mvinfra.host.store.StoredEntity;

/** Credentials and the ServiceProviders that use them, created through the host's store as an operator would. */
final class CredentialFixtures {
    private final Host host;

    CredentialFixtures(Host host) {
        this.host = host;
    }

    String credential(String authenticationType, Map<String, Object> fields) {
        Map<String, Object> values = new LinkedHashMap<>(fields);
        values.put("authenticationType", authenticationType);
        return host.store().create("Credential", values).uuid();
    }

    String provider(String code, String kind, String apiBaseUrl, String credential) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("code", code);
        values.put("kind", kind);
        values.put("apiBaseUrl", apiBaseUrl);
        values.put("credential", credential);
        return host.store().create("ServiceProvider", values).uuid();
    }

    StoredEntity read(String credential) {
        return host.store().require("Credential", credential);
    }

    Map<String, Object> revealed(String credential) {
        return host.store().reveal(read(credential));
    }

    /** A Keystone token answer (shaped like the fixture recorded from the real Keystone) expiring at {@code expiresAt}. */
    static String keystoneToken(Instant expiresAt) {
        return support.Fixtures.fixture("keystone/token-password.json")
                .replace("\"expires_at\": \"2026-01-15T11:00:00.000000Z\"", "\"expires_at\": \"" + expiresAt + "\"");
    }
}
