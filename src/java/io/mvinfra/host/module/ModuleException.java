package io.mvinfra.host.module;

import java.util.List;

/** A module the host refuses to load; each problem names its file and field. */
public final class ModuleException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public ModuleException(List<String> problems) {
        super(problems.size() == 1 ? "module refused: " + problems.get(0)
                : "module refused, " + problems.size() + " problems: " + problems.get(0) + " (and " + (problems.size() - 1) + " more)");
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
