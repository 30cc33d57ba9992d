package io.mvinfra.host.runtime;

import io.mvinfra.host.runtime.AuditEntry.Outcome;

/** What the operator sees after a press: the outcome, the script's GUI message, how long it took, what it wrote. */
public record PressResult(Outcome outcome, String message, long durationMs, Object resultValue, PressChanges changes) {

    public PressResult(Outcome outcome, String message, long durationMs, Object resultValue) {
        this(outcome, message, durationMs, resultValue, PressChanges.none());
    }

    public boolean succeeded() {
        return outcome == Outcome.SUCCESS;
    }
}
