package io.mvinfra.openstack.volume;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Cinder's timestamps: UTC, written without a zone ({@code 2026-12-02T00:15:49.000000}), which {@link Instant} will
 * not read by itself; a zone given (a proxy rewriting them, a newer release) is honoured.
 */
public final class CinderTime {

    private CinderTime() {
    }

    /** The instant, or null when Cinder sent none (a new volume's {@code updated_at}) or something unreadable. */
    public static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException withoutZone) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException unreadable) {
                return null;   // a date is informative here: an odd one must not fail a whole list
            }
        }
    }
}
