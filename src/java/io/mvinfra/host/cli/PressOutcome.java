package io.mvinfra.host.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

import io.mvinfra.host.runtime.PressResult;

/** How every command that presses one button reports it: the message or JSON on stdout, a failure on stderr, the exit code. */
final class PressOutcome {

    private PressOutcome() {
    }

    /** {@code more}: what the command adds to the JSON answer (e.g. the entity the press made). */
    static int report(PressResult result, boolean json, Map<String, Object> more, PrintWriter out, PrintWriter err) {
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("outcome", result.outcome());
            m.put("message", result.message());
            m.put("durationMs", result.durationMs());
            m.putAll(more);
            Output.json(out, m);
        } else if (result.succeeded()) {
            out.println(result.message());
        }
        if (!result.succeeded()) {
            err.println("error: " + result.message());
        }
        return switch (result.outcome()) {
            case SUCCESS -> Main.OK;
            case REFUSED -> Main.BAD_INPUT;
            case FAILED -> Main.FAILED;
        };
    }
}
