package io.mvinfra.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HostNameTest {

    @ParameterizedTest
    @CsvSource({
            "www.example.com, www.example.com",
            "WWW.Example.COM., www.example.com",
            "_sip._tcp.example.com, _sip._tcp.example.com",
            "mail-1.example.com, mail-1.example.com",
            "bücher.example, xn--bcher-kva.example",
    })
    void readsAHostNameAsProvidersStoreIt(String given, String stored) {
        assertThat(HostName.parse(given)).contains(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "not a host", "-www.example.com", "www-.example.com", "www..example.com", "*.example.com",
            "www.exa$mple.com"})
    void refusesWhatIsNoHostName(String given) {
        assertThat(HostName.parse(given)).isEmpty();
    }

    @Test
    void refusesALabelOver63AndANameOver253Characters() {
        assertThat(HostName.parse("a".repeat(64) + ".example.com")).isEmpty();
        assertThat(HostName.parse(("a".repeat(60) + ".").repeat(4) + "example.com")).isEmpty();
        assertThat(HostName.parse("a".repeat(63) + ".example.com")).isPresent();
    }

    @Test
    void acceptsAWildcardOnlyAsTheFirstLabelAndOnlyWhenAsked() {
        assertThat(HostName.parse("*.example.com", true)).contains("*.example.com");
        assertThat(HostName.parse("www.*.example.com", true)).isEmpty();
    }

    @Test
    void tellsWhetherANameIsInAZone() {
        assertThat(HostName.isWithin("www.example.com", "example.com")).isTrue();
        assertThat(HostName.isWithin("example.com", "example.com")).isTrue();
        assertThat(HostName.isWithin("badexample.com", "example.com")).isFalse();
        assertThat(HostName.isWithin("www.example.org", "example.com")).isFalse();
    }
}
