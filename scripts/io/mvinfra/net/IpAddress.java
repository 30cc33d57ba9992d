package io.mvinfra.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An IPv4 or IPv6 address in its canonical text: dotted decimal, or RFC 5952 (lower case, no leading zeros, the
 * longest run of zero groups as {@code ::}). Parsed by hand: {@code InetAddress.getByName} would resolve anything that
 * is not a literal through DNS, and accepts forms providers refuse ({@code 10.1}, {@code 010.0.0.1}).
 *
 * @param text    canonical form, what a provider answers back and what is compared
 * @param version 4 or 6
 */
public record IpAddress(String text, int version) {

    /** The address {@code value} stands for, or empty when it is no IPv4 or IPv6 literal. */
    public static Optional<IpAddress> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip();
        if (v.indexOf(':') >= 0) {
            return ipv6Groups(v).map(groups -> new IpAddress(canonical(groups), 6));
        }
        return ipv4Octets(v).map(octets -> new IpAddress(v, 4));
    }

    public static boolean isIpv4(String value) {
        return parse(value).filter(ip -> ip.version == 4).isPresent();
    }

    public static boolean isIpv6(String value) {
        return parse(value).filter(ip -> ip.version == 6).isPresent();
    }

    @Override
    public String toString() {
        return text;
    }

    /** Four decimal octets 0–255, without leading zeros (which some parsers read as octal). */
    private static Optional<int[]> ipv4Octets(String v) {
        String[] parts = v.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        int[] octets = new int[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || p.length() > 1 && p.charAt(0) == '0') {
                return Optional.empty();
            }
            octets[i] = Integer.parseInt(p);
            if (octets[i] > 255) {
                return Optional.empty();
            }
        }
        return Optional.of(octets);
    }

    /** The eight 16-bit groups of an RFC 4291 text address (with an optional trailing dotted IPv4, no zone id). */
    private static Optional<int[]> ipv6Groups(String v) {
        int gap = v.indexOf("::");
        if (gap >= 0 && v.indexOf("::", gap + 1) >= 0) {
            return Optional.empty();
        }
        List<Integer> head = new ArrayList<>();
        List<Integer> tail = new ArrayList<>();
        boolean ok = gap < 0 ? groups(v, head, true) : groups(v.substring(0, gap), head, false) && groups(v.substring(gap + 2), tail, true);
        if (!ok) {
            return Optional.empty();
        }
        int count = head.size() + tail.size();
        if (gap < 0 ? count != 8 : count > 7) {
            return Optional.empty();
        }
        int[] groups = new int[8];
        for (int i = 0; i < head.size(); i++) {
            groups[i] = head.get(i);
        }
        for (int i = 0; i < tail.size(); i++) {
            groups[8 - tail.size() + i] = tail.get(i);
        }
        return Optional.of(groups);
    }

    /** Colon-separated hex groups into {@code out}; the last may be a dotted IPv4 when {@code ipv4Allowed}. */
    private static boolean groups(String part, List<Integer> out, boolean ipv4Allowed) {
        if (part.isEmpty()) {
            return true;
        }
        String[] items = part.split(":", -1);
        for (int i = 0; i < items.length; i++) {
            String item = items[i];
            if (ipv4Allowed && i == items.length - 1 && item.indexOf('.') >= 0) {
                Optional<int[]> octets = ipv4Octets(item);
                if (octets.isEmpty()) {
                    return false;
                }
                int[] o = octets.get();
                out.add(o[0] << 8 | o[1]);
                out.add(o[2] << 8 | o[3]);
                continue;
            }
            if (item.isEmpty() || item.length() > 4 || !item.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return false;
            }
            out.add(Integer.parseInt(item, 16));
        }
        return true;
    }

    /** RFC 5952 §4: the first longest run of two or more zero groups becomes {@code ::}. */
    private static String canonical(int[] groups) {
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }
}
