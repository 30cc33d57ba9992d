package io.mvinfra.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressTest {

    @ParameterizedTest
    @CsvSource({
            "192.0.2.10, 192.0.2.10, 4",
            "0.0.0.0, 0.0.0.0, 4",
            "255.255.255.255, 255.255.255.255, 4",
            "2001:db8::10, 2001:db8::10, 6",
            "2001:DB8:0:0:0:0:0:10, 2001:db8::10, 6",
            "2001:0db8:0000:0000:0001:0000:0000:0001, 2001:db8::1:0:0:1, 6",
            "::, ::, 6",
            "::1, ::1, 6",
            "1::, 1::, 6",
            "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1, 6",
            "::ffff:192.0.2.1, ::ffff:c000:201, 6",
            "' 198.51.100.4 ', 198.51.100.4, 4",
    })
    void readsAnAddressInItsCanonicalForm(String given, String canonical, int version) {
        assertThat(IpAddress.parse(given)).contains(new IpAddress(canonical, version));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "192.0.2", "192.0.2.256", "010.0.0.1", "1.2.3.4.5", "10.1", "a.b.c.d", "example.com",
            "2001:db8::1::2", "2001:db8:0:0:0:0:0:0:1", "2001:db8::g", "12345::", "fe80::1%eth0", ":1:2::", "192.0.2.10/24"})
    void refusesWhatIsNoAddress(String given) {
        assertThat(IpAddress.parse(given)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"203.0.113.0/24, 203.0.113.0, 24", "2001:DB8::/48, 2001:db8::, 48", "198.51.100.4/16, 198.51.100.4, 16"})
    void readsARange(String given, String address, int prefix) {
        assertThat(IpRange.parse(given)).hasValueSatisfying(range -> {
            assertThat(range.address().text()).isEqualTo(address);
            assertThat(range.prefixLength()).isEqualTo(prefix);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"203.0.113.0", "203.0.113.0/33", "2001:db8::/129", "203.0.113.0/", "/24", "203.0.113.0/2/4", "203.0.113.0/x"})
    void refusesWhatIsNoRange(String given) {
        assertThat(IpRange.parse(given)).isEmpty();
    }
}
