package io.mvinfra.sync;

import java.util.HashSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * Copies a provider's values into an entity and says whether anything changed, so a list writes only the entities
 * that differ. Mind the storage contract: a property left null is "unchanged", so clearing a text or a list is
 * done with an empty one.
 */
public final class FieldChanges {

    private boolean changed;

    /** Sets {@code wanted} when it differs; a null {@code wanted} leaves the field as it is. */
    public <T> FieldChanges set(T current, T wanted, Consumer<T> setter) {
        if (wanted != null && !wanted.equals(current)) {
            setter.accept(wanted);
            changed = true;
        }
        return this;
    }

    /** Sets {@code wanted}; an empty or null {@code wanted} clears a field that has a value. */
    public FieldChanges text(String current, String wanted, Consumer<String> setter) {
        String want = wanted == null ? "" : wanted;
        if (!want.equals(current == null ? "" : current)) {
            setter.accept(want);
            changed = true;
        }
        return this;
    }

    /** Sets {@code wanted} when it holds other values, whatever their order; an empty one clears the field. */
    public FieldChanges list(List<String> current, List<String> wanted, Consumer<List<String>> setter) {
        List<String> want = wanted == null ? List.of() : wanted;
        List<String> have = current == null ? List.of() : current;
        if (want.size() != have.size() || !new HashSet<>(want).equals(new HashSet<>(have))) {
            setter.accept(List.copyOf(want));
            changed = true;
        }
        return this;
    }

    /** Long fields of an entity from an Integer of the provider. */
    public FieldChanges number(Long current, Integer wanted, Consumer<Long> setter) {
        return set(current, wanted == null ? null : wanted.longValue(), setter);
    }

    /** A change the caller compared itself (JSON by value, say), applied when {@code differs}. */
    public FieldChanges change(boolean differs, Runnable apply) {
        if (differs) {
            apply.run();
            changed = true;
        }
        return this;
    }

    public boolean any() {
        return changed;
    }

    /**
     * Marks an entity whose provider no longer lists it (a list never deletes: the operator decides); says whether
     * that changed anything.
     */
    public static boolean markMissing(Boolean missing, Consumer<Boolean> setter) {
        if (Boolean.TRUE.equals(missing)) {
            return false;
        }
        setter.accept(Boolean.TRUE);
        return true;
    }
}
