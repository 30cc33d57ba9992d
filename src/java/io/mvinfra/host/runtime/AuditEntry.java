package io.mvinfra.host.runtime;

import java.time.Instant;

/** One button press as the audit trail keeps it. */
public record AuditEntry(long id, Instant at, String user, String action, String entity, String entityUuid, Outcome outcome,
                         String message, long durationMs) {

    public enum Outcome { SUCCESS, FAILED, REFUSED }
}
