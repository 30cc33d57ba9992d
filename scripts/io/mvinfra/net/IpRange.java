package io.mvinfra.net;

import java.util.Optional;

/**
 * An address range in CIDR notation, {@code 198.51.100.0/24} or {@code 2001:db8::/48}. The address is kept as
 * written (canonicalised), host bits included: providers differ on whether they mask them, so that is theirs to say.
 */
public record IpRange(IpAddress address, int prefixLength) {

    /** The range {@code value} stands for, or empty when it is no address followed by a prefix length that fits it. */
    public static Optional<IpRange> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip();
        int slash = v.indexOf('/');
        if (slash < 0 || slash != v.lastIndexOf('/')) {
            return Optional.empty();
        }
        String prefix = v.substring(slash + 1);
        if (prefix.isEmpty() || prefix.length() > 3 || !prefix.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        int length = Integer.parseInt(prefix);
        return IpAddress.parse(v.substring(0, slash))
                .filter(address -> length <= (address.version() == 4 ? 32 : 128))
                .map(address -> new IpRange(address, length));
    }

    public int version() {
        return address.version();
    }

    @Override
    public String toString() {
        return address.text() + "/" + prefixLength;
    }
}
