package io.mvinfra.openstack.compute;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A compute API microversion, {@code 2.79}: ordered by major then minor (2.9 comes before 2.10, unlike its text).
 */
public record Microversion(int major, int minor) implements Comparable<Microversion> {

    private static final Pattern FORM = Pattern.compile("v?(\\d+)\\.(\\d+)");

    /** Nova's first microversion, what a cloud without microversions speaks. */
    public static final Microversion BASE = new Microversion(2, 1);

    /** {@code "2.79"}, null or blank as null. */
    public static Microversion parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a microversion: '" + text + "'");
        }
        return new Microversion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public boolean atLeast(Microversion other) {
        return compareTo(other) >= 0;
    }

    public boolean atLeast(int otherMajor, int otherMinor) {
        return atLeast(new Microversion(otherMajor, otherMinor));
    }

    @Override
    public int compareTo(Microversion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
