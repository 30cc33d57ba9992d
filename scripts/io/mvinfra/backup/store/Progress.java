package io.mvinfra.backup.store;

/** How far a long store operation got: bytes done out of {@code total} (-1 when the total is unknown). */
@FunctionalInterface
public interface Progress {

    Progress NONE = (done, total) -> { };

    void bytes(long done, long total);
}
