package io.mvinfra.host.runtime;

/** A host-level refusal or failure, with the CLI exit code it maps to. */
public final class HostException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** Unknown entity, field, button or job; invalid value; button not applicable: exit code 2. */
        BAD_INPUT(2),
        /** The action or job ran and failed (provider error, refused by the provider): exit code 1. */
        FAILED(1);

        private final int exitCode;

        Kind(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    private final Kind kind;

    public HostException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
