package io.mvinfra.net;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A DNS name in the form providers store it: ASCII (an internationalised name converted to Punycode), lower case,
 * without the root's trailing dot. Labels of letters, digits, hyphens and underscores ({@code _dmarc},
 * {@code _sip._tcp}), 1 to 63 characters, not starting or ending with a hyphen; at most 253 characters in all. A
 * leading {@code *} label (a wildcard) is accepted only where the caller says so.
 */
public final class HostName {

    public static final int MAX_LENGTH = 253;
    private static final Pattern LABEL = Pattern.compile("[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?");

    private HostName() {
    }

    /** {@code value} as a host name, or empty when it is none. */
    public static Optional<String> parse(String value) {
        return parse(value, false);
    }

    /** Like {@link #parse(String)}, accepting a first label {@code *} when {@code wildcard}. */
    public static Optional<String> parse(String value, boolean wildcard) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        if (v.endsWith(".")) {
            v = v.substring(0, v.length() - 1);
        }
        try {
            v = IDN.toASCII(v, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException notConvertible) {
            return Optional.empty();
        }
        if (v.isEmpty() || v.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String[] labels = v.split("\\.", -1);
        for (int i = 0; i < labels.length; i++) {
            boolean star = wildcard && i == 0 && labels[i].equals("*");
            if (!star && !LABEL.matcher(labels[i]).matches()) {
                return Optional.empty();
            }
        }
        return Optional.of(v);
    }

    /** Whether {@code name} is {@code zone} itself or a name under it; both in the form {@link #parse} gives. */
    public static boolean isWithin(String name, String zone) {
        return name.equals(zone) || name.endsWith("." + zone);
    }
}
