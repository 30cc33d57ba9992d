package io.mvinfra.credentials;

import java.time.Duration;
import java.time.Instant;

/**
 * What a profile's check is asked with, and the words its answer is given in.
 *
 * @param renew          for a session: get a new token even if the current one is still valid
 * @param expiringWithin a token expiring within this is EXPIRING, so someone rotates it before buttons start failing
 */
public record CheckContext(Instant now, boolean renew, Duration expiringWithin) {

    public CheckResult valid(String reason) {
        return CheckResult.of(CheckResult.VALID, reason, now);
    }

    public CheckResult invalid(String reason) {
        return CheckResult.of(CheckResult.INVALID, reason, now);
    }

    /** VALID, or EXPIRING when {@code expires} falls within {@link #expiringWithin}; the reason says until when. */
    public CheckResult validUntil(Instant expires, String what) {
        return CheckResult.of(expires.isBefore(now.plus(expiringWithin)) ? CheckResult.EXPIRING : CheckResult.VALID,
                what + " until " + expires, now);
    }
}
