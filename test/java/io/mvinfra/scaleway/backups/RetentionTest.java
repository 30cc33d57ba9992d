package io.mvinfra.scaleway.backups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** {@link Retention}: the newest N, and the newest of each of the last D days, stay; the rest goes. */
class RetentionTest {

    private static final Instant NOW = Instant.parse("2026-12-10T12:00:00Z");

    @Test
    void keepsTheLastNAndForgetsTheOlderOnes() {
        List<Retention.Kept> backups = List.of(kept("a", "2026-12-10T01:00:00Z"), kept("b", "2026-12-10T02:00:00Z"),
                kept("c", "2026-12-10T03:00:00Z"), kept("d", "2026-12-10T04:00:00Z"));

        assertThat(new Retention(2, 0).toForget(backups, NOW)).containsExactly("b", "a");
    }

    @Test
    void keepsTheNewestOfEachOfTheLastDaysBesideTheLastN() {
        List<Retention.Kept> backups = List.of(
                kept("dec10-late", "2026-12-10T11:00:00Z"), kept("dec10-early", "2026-12-10T01:00:00Z"),
                kept("dec09-late", "2026-12-09T23:59:00Z"), kept("dec09-early", "2026-12-09T00:10:00Z"),
                kept("dec08", "2026-12-08T08:00:00Z"),
                kept("dec07", "2026-12-07T08:00:00Z"));   // 4 days back: outside 3 days

        assertThat(new Retention(1, 3).toForget(backups, NOW)).containsExactlyInAnyOrder("dec10-early", "dec09-early", "dec07");
    }

    @Test
    void aBackupFromTheFutureIsNoDayOfTheWindowButTheLastNStillCountIt() {
        List<Retention.Kept> backups = List.of(kept("future", "2026-12-11T08:00:00Z"), kept("today", "2026-12-10T08:00:00Z"),
                kept("yesterday", "2026-12-09T08:00:00Z"));

        assertThat(new Retention(1, 1).toForget(backups, NOW)).containsExactly("yesterday");
    }

    @Test
    void nothingToForgetWhenThereAreFewerThanN() {
        assertThat(new Retention(5, 0).toForget(List.of(kept("a", "2026-01-01T00:00:00Z")), NOW)).isEmpty();
    }

    @Test
    void refusesToKeepNone() {
        assertThatThrownBy(() -> new Retention(0, 7)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }

    private static Retention.Kept kept(String id, String created) {
        return new Retention.Kept(id, Instant.parse(created));
    }
}
