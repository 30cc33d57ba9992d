package io.mvinfra.host.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a press's scripts wrote, entity by entity, in the order they were first written: what its result banner links
 * to. A create then an update stays a create; a create then a removal is nothing. Only {@link #SHOWN} entities are
 * kept one by one (a list creating 10 000 records names the first ones), the counts are whole.
 */
public final class PressChanges {
    public static final int SHOWN = 20;

    public enum Kind { CREATED, UPDATED, DELETED }

    public record Change(Kind kind, String entity, String uuid, String label) {
    }

    private final Map<String, Change> changes = new LinkedHashMap<>();
    private final Map<Kind, Integer> counts = new LinkedHashMap<>();

    public static PressChanges none() {
        return new PressChanges();
    }

    void record(Kind kind, String entity, String uuid, String label) {
        Change before = changes.get(uuid);
        Kind now = kind;
        if (before != null) {
            counts.merge(before.kind(), -1, Integer::sum);
            if (before.kind() == Kind.CREATED && kind == Kind.DELETED) {
                changes.remove(uuid);
                return;
            }
            now = before.kind() == Kind.CREATED ? Kind.CREATED : kind;
        }
        counts.merge(now, 1, Integer::sum);
        if (before != null || changes.size() < SHOWN) {
            changes.put(uuid, new Change(now, entity, uuid, label));
        }
    }

    public int count(Kind kind) {
        return counts.getOrDefault(kind, 0);
    }

    public boolean isEmpty() {
        return counts.values().stream().allMatch(n -> n == 0);
    }

    /** How many entities are counted but not kept one by one. */
    public int notShown() {
        return counts.values().stream().mapToInt(Integer::intValue).sum() - changes.size();
    }

    /** The entities kept one by one, but {@code except} (the pressed one: its page is where the banner is). */
    public List<Change> shown(String except) {
        List<Change> out = new ArrayList<>();
        changes.values().stream().filter(c -> !c.uuid().equals(except)).forEach(out::add);
        return out;
    }
}
