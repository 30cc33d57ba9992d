package io.mvinfra.host.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstantTextTest {

    @Test
    void writesWhatInstantToStringWritesAndReadsItBack() {
        SplittableRandom random = new SplittableRandom(20261203);
        long from = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(random.nextLong(from, to + 1), nano);

            String text = InstantText.format(instant);

            assertEquals(instant.toString(), text);
            assertEquals(instant, InstantText.parse(text));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-03T12:10:04Z", "2026-12-03T12:10:04.9Z", "2026-12-03T12:10:04.98Z", "2026-12-03T12:10:04.9818Z",
            "2024-02-29T23:59:59.999999999Z", "1969-12-31T23:59:59.5Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
            "1970-01-01T00:00:00Z", "2026-12-03t12:10:04z", "2026-12-03T12:10:04+01:00", "+10000-01-01T00:00:00Z",
            "2016-12-31T23:59:60Z", "2026-12-03T24:00:00Z", "2026-12-03T12:10:04.Z"})
    void readsWhatInstantParseReads(String text) {
        assertEquals(Instant.parse(text), InstantText.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-04-31T00:00:00Z",
            "2026-12-03T12:60:00Z", "2026-12-03T12:10:4xZ", "2026-12-03T12:10:04.1234567890Z",
            "2026-12-03 12:10:04Z", "2026-12-03", "", "2026-12-03T12:10:04.-5Z", "2026-12-03T12:10:04.12345678aZ"})
    void refusesWhatInstantParseRefuses(String text) {
        assertThrows(DateTimeParseException.class, () -> Instant.parse(text));
        assertThrows(DateTimeParseException.class, () -> InstantText.parse(text));
    }

    @Test
    void leavesYearsBeyondFourDigitsToTheJdk() {
        Instant far = Instant.parse("+12026-01-01T00:00:00Z");
        Instant before = Instant.parse("-0001-12-31T23:59:59Z");

        assertEquals(far.toString(), InstantText.format(far));
        assertEquals(before.toString(), InstantText.format(before));
    }
}
