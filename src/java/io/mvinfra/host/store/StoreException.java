package io.mvinfra.host.store;

import java.util.List;

/**
 * What the store refuses, and why. Violations name entity, field and rule so an operator can fix the
 * input: {@code DnsRecord.ttl: must be at most 86400 (maxValue)}.
 */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Kind { INVALID, NOT_FOUND, STALE, IN_USE, UNAVAILABLE }

    private final Kind kind;
    private final List<Violation> violations;

    public record Violation(String entity, String field, String rule, String message) {
        @Override
        public String toString() {
            return entity + (field.isEmpty() ? "" : "." + field) + ": " + message + " (" + rule + ")";
        }
    }

    public StoreException(Kind kind, String message) {
        super(message);
        this.kind = kind;
        this.violations = List.of();
    }

    public StoreException(List<Violation> violations) {
        super(violations.size() == 1 ? violations.get(0).toString()
                : violations.get(0) + " (and " + (violations.size() - 1) + " more: "
                        + String.join("; ", violations.subList(1, violations.size()).stream().map(Violation::toString).toList()) + ")");
        this.kind = Kind.INVALID;
        this.violations = List.copyOf(violations);
    }

    public Kind kind() {
        return kind;
    }

    public List<Violation> violations() {
        return violations;
    }
}
