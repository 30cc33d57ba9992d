package io.mvinfra.host.runtime;

import java.time.Instant;

/** One run of a scheduled job, with the counts and report its script returned. */
public record JobResult(long id, String job, Instant startedAt, Instant endedAt, String triggeredBy, String outcome,
                        Long ok, Long ko, Long warnings, String report) {

    public boolean succeeded() {
        return "SUCCESS".equals(outcome);
    }
}
