package io.mvinfra.sync;

import io.mvinfra.sync.Reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;

/** The list reconciliation every provider's list buttons share, on plain values. */
class ReconciliationTest {

    /** An entity as a script holds it: the provider's id once linked, a name, a value, a mark. */
    static final class Thing {
        String id;
        String name;
        String value;
        boolean missing;

        Thing(String id, String name, String value) {
            this.id = id;
            this.name = name;
            this.value = value;
        }
    }

    record Item(String id, String name, String value) {
    }

    private final List<Thing> saved = new ArrayList<>();

    private Reconciliation.Outcome reconcile(List<Thing> things, List<Item> items) throws Exception {
        return reconciliation().run(things, items, saved::add);
    }

    private static Reconciliation<Thing, Item> reconciliation() {
        return Reconciliation.<Thing, Item>byId(t -> t.id, Item::id)
                .naturalKey(t -> t.name, Item::name)
                .create(item -> new Thing(null, null, null))
                .copy((thing, item) -> {
                    boolean changed = !Objects.equals(thing.id, item.id()) || !Objects.equals(thing.value, item.value()) || thing.missing;
                    thing.id = item.id();
                    thing.name = item.name();
                    thing.value = item.value();
                    thing.missing = false;
                    return changed;
                })
                .markMissing(thing -> {
                    boolean was = thing.missing;
                    thing.missing = true;
                    return !was;
                });
    }

    @Test
    void pageByPageItWritesEachPageAsItComesAndMarksOnlyWhenComplete() throws Exception {
        Thing gone = new Thing("9", "g", "x");
        Thing later = new Thing("2", "b", "old");
        int[] reads = new int[1];
        Reconciliation<Thing, Item>.Run run = reconciliation().start(() -> {
            reads[0]++;
            return List.of(gone, later);
        }, saved::add);

        assertThat(run.listed(List.of(new Item("1", "a", "x")))).isEqualTo(1);
        assertThat(saved).extracting(t -> t.id).containsExactly("1");
        assertThat(run.listed(List.of(new Item("2", "b", "new"), new Item("1", "a", "x")))).isEqualTo(2);
        assertThat(gone.missing).as("not marked while the list may go on").isFalse();
        Reconciliation.Outcome outcome = run.complete();

        assertThat(outcome).isEqualTo(new Reconciliation.Outcome(1, 0, 1, 0, 1));
        assertThat(gone.missing).isTrue();
        assertThat(saved).containsExactly(saved.get(0), later, gone);
        assertThat(reads[0]).as("the scope read once, at the first page").isEqualTo(1);
    }

    @Test
    void aRunLeftUnfinishedMarksNothing() throws Exception {
        Thing gone = new Thing("9", "g", "x");
        Reconciliation<Thing, Item>.Run run = reconciliation().start(() -> List.of(gone), saved::add);

        run.listed(List.of(new Item("1", "a", "x")));   // … and the next page failed: complete() is never called

        assertThat(gone.missing).isFalse();
        assertThat(saved).noneMatch(t -> t == gone);
    }

    @Test
    void createsUpdatesLinksAndMarksAndWritesOnlyWhatChanged() throws Exception {
        Thing same = new Thing("1", "a", "x");
        Thing changed = new Thing("2", "b", "old");
        Thing byHand = new Thing(null, "c", null);
        Thing draft = new Thing(null, "z", "draft");
        Thing gone = new Thing("9", "g", "x");

        Reconciliation.Outcome outcome = reconcile(List.of(same, changed, byHand, draft, gone),
                List.of(new Item("1", "a", "x"), new Item("2", "b", "new"), new Item("3", "c", "y"), new Item("4", "d", "w")));

        assertThat(outcome).isEqualTo(new Reconciliation.Outcome(1, 1, 1, 1, 1));
        assertThat(outcome.summary()).isEqualTo("4 listed: 1 new, 1 linked, 1 updated, 1 unchanged; 1 no longer at the provider (kept, marked)");
        assertThat(saved).hasSize(4).doesNotContain(same, draft).contains(changed, byHand, gone);
        assertThat(saved).anySatisfy(t -> assertThat(t.id).isEqualTo("4"));
        assertThat(byHand.id).isEqualTo("3");
        assertThat(gone.missing).isTrue();
        assertThat(draft.id).isNull();
    }

    @Test
    void anEntityMarkedAlreadyIsNotWrittenAgain() throws Exception {
        Thing gone = new Thing("9", "g", "x");
        gone.missing = true;

        Reconciliation.Outcome outcome = reconcile(List.of(gone), List.of());

        assertThat(outcome.missing()).isEqualTo(1);
        assertThat(saved).isEmpty();
    }

    @Test
    void anEntityListedAgainLosesItsMark() throws Exception {
        Thing back = new Thing("9", "g", "x");
        back.missing = true;

        reconcile(List.of(back), List.of(new Item("9", "g", "x")));

        assertThat(back.missing).isFalse();
        assertThat(saved).containsExactly(back);
    }

    @Test
    void anItemListedTwiceMakesOneEntity() throws Exception {
        Reconciliation.Outcome outcome = reconcile(List.of(), List.of(new Item("1", "a", "x"), new Item("1", "a", "x")));

        assertThat(outcome.created()).isEqualTo(1);
        assertThat(saved).hasSize(1);
    }

    @Test
    void anEmptyListMarksEveryLinkedEntity() throws Exception {
        Reconciliation.Outcome outcome = reconcile(List.of(new Thing("1", "a", "x"), new Thing("2", "b", "y")), List.of());

        assertThat(outcome.summary()).isEqualTo("0 listed; 2 no longer at the provider (kept, marked)");
    }
}
