package io.mvinfra.backup.store;

import java.util.List;

/** What a verify found: every problem, each naming the chunk (or the image digest) that is wrong. */
public record Verification(String imageId, int chunks, List<String> problems) {

    public Verification {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
