package io.mvinfra.openstack.keystone;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A Keystone token: its value (from {@code X-Subject-Token}), its lifetime (from the body's {@code issued_at} and
 * {@code expires_at}, never guessed) and the catalog that came with it (null for a token read back from storage
 * until the catalog is fetched).
 */
public record KeystoneToken(String value, Instant issuedAt, Instant expiresAt, String projectId, Catalog catalog) {

    public KeystoneToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /**
     * When to renew: {@code margin} before expiry, but no earlier than half-way through the token's life, so a
     * short-lived token (a test Keystone with 60 s tokens) is not renewed on every call.
     */
    public Instant renewAt(Duration margin) {
        Duration lead = margin;
        if (issuedAt != null) {
            Duration half = Duration.between(issuedAt, expiresAt).dividedBy(2);
            lead = half.compareTo(margin) < 0 ? half : margin;
        }
        return expiresAt.minus(lead);
    }

    public KeystoneToken withCatalog(Catalog value) {
        return new KeystoneToken(this.value, issuedAt, expiresAt, projectId, value);
    }

    @Override
    public String toString() {
        return "KeystoneToken[██, expires " + expiresAt + (projectId == null ? "" : ", project " + projectId) + "]";
    }
}
