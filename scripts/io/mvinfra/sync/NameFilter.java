package io.mvinfra.sync;

import java.util.List;

/**
 * A provider's server-name filter ({@code ServiceProvider.serverNameFilter}: name prefixes such as {@code dev-} and
 * {@code int}), which decides which servers a list speaks for; no filter lets every server through.
 */
public final class NameFilter {

    private NameFilter() {
    }

    public static boolean passes(String name, List<String> prefixes) {
        if (prefixes == null || prefixes.stream().allMatch(p -> p == null || p.isBlank())) {
            return true;
        }
        return name != null && prefixes.stream().anyMatch(p -> p != null && !p.isBlank() && name.startsWith(p.strip()));
    }
}
