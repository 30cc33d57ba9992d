package io.mvinfra.credentials;

import java.time.Instant;

import org.meveo.model.customEntities.Credential;

/**
 * What a check learned about a credential. {@code status} null means "could not tell" (the provider was
 * unreachable, or nothing says where to check): the stored status is then kept and only the reason changes.
 */
public record CheckResult(String status, String reason, Instant checkedAt, String token, Instant tokenExpiry) {
    public static final String VALID = "VALID";
    public static final String EXPIRING = "EXPIRING";
    public static final String INVALID = "INVALID";

    public static CheckResult of(String status, String reason, Instant checkedAt) {
        return new CheckResult(status, reason, checkedAt, null, null);
    }

    public static CheckResult unknown(String reason, Instant checkedAt) {
        return new CheckResult(null, reason, checkedAt, null, null);
    }

    public boolean conclusive() {
        return status != null;
    }

    /** The fields to write back: a Credential holding only what changed (null fields stay as they are). */
    public Credential changes(String uuid) {
        Credential out = new Credential(uuid);
        out.setStatus(status);
        out.setStatusReason(reason);
        out.setLastConnection(checkedAt);
        out.setToken(token);
        out.setTokenExpiry(tokenExpiry);
        return out;
    }

    @Override
    public String toString() {
        return "CheckResult[" + status + ", " + reason + ", token=" + (token == null ? null : "******") + ", expiry=" + tokenExpiry + "]";
    }
}
