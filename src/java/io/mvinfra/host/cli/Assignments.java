package io.mvinfra.host.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mvinfra.host.runtime.HostException;

/** {@code field=value} arguments; a value may be empty (clears the field) or contain '='. */
final class Assignments {
    private Assignments() {
    }

    static Map<String, Object> parse(List<String> args) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String arg : args == null ? List.<String>of() : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new HostException(HostException.Kind.BAD_INPUT, "expected field=value, got '" + arg + "'");
            }
            values.put(arg.substring(0, eq).trim(), arg.substring(eq + 1));
        }
        return values;
    }
}
