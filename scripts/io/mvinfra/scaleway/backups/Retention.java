package io.mvinfra.scaleway.backups;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which completed backups of one volume to keep: the {@code keepLast} newest, and the newest of each of the last
 * {@code dailyDays} days (UTC, today included), as restic's {@code --keep-last} and {@code --keep-daily} count them.
 * Everything else goes.
 */
public record Retention(int keepLast, int dailyDays) {

    public Retention {
        if (keepLast < 1 || dailyDays < 0) {
            throw new IllegalArgumentException("keep last " + keepLast + " (at least 1), daily for " + dailyDays + " days (at least 0)");
        }
    }

    /** A completed backup: its id and when it was taken. */
    public record Kept(String id, Instant created) {
    }

    /** The ids of {@code backups} that go; the others stay. */
    public Set<String> toForget(List<Kept> backups, Instant now) {
        List<Kept> newestFirst = new ArrayList<>(backups);
        newestFirst.sort(Comparator.comparing(Kept::created).reversed());
        Set<String> keep = new HashSet<>();
        newestFirst.stream().limit(keepLast).forEach(b -> keep.add(b.id()));
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Set<LocalDate> daysKept = new HashSet<>();
        for (Kept b : newestFirst) {
            LocalDate day = LocalDate.ofInstant(b.created(), ZoneOffset.UTC);
            if (!day.isAfter(today) && day.isAfter(today.minusDays(dailyDays)) && daysKept.add(day)) {
                keep.add(b.id());
            }
        }
        Set<String> forget = new LinkedHashSet<>();
        newestFirst.stream().filter(b -> !keep.contains(b.id())).forEach(b -> forget.add(b.id()));
        return forget;
    }

    @Override
    public String toString() {
        return "keep the last " + keepLast + (dailyDays == 0 ? "" : ", and daily for " + dailyDays + " days");
    }
}
