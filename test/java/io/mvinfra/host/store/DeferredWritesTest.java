package io.mvinfra.host.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.mvinfra.host.Host;
import support.TestHosts;
import support.TestHosts.Db;

/** Writes are validated at once and sent in batches later: nobody can tell, except by the speed. */
class DeferredWritesTest {
    @TempDir
    Path home;
    private Host host;

    private EntityStore open(Db db) {
        host = TestHosts.open(home, db, TestHosts.sampleModule());
        return host.store();
    }

    @AfterEach
    void close() {
        if (host != null) {
            host.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aValidationErrorSurfacesAtTheSaveThatMadeIt(Db db) {
        EntityStore store = open(db);
        try (StoreSession session = store.session()) {
            session.create("Gadget", Map.of("name", "fine"));

            assertThatThrownBy(() -> session.create("Gadget", Map.of("name", "x", "size", 500)))
                    .isInstanceOf(StoreException.class).hasMessageStartingWith("Gadget.size: must be at most 100, is 500");
            assertThatThrownBy(() -> session.create("Gadget", Map.of("name", "y", "owner", "01a233b6-0000-7000-8000-000000000000")))
                    .isInstanceOf(StoreException.class).hasMessageContaining("does not exist");
            String uuid = session.list("Gadget", 0, 10).get(0).uuid();
            assertThatThrownBy(() -> session.create("Gadget", Map.of("uuid", uuid, "name", "twin")))
                    .isInstanceOf(StoreException.class).hasMessageContaining("already exists");
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void everyReadInTheTransactionSeesItsPendingWrites(Db db) {
        EntityStore store = open(db);
        try (StoreSession session = store.session()) {
            StoredEntity owner = session.create("Owner", Map.of("name", "ops"));
            List<Map<String, Object>> gadgets = new ArrayList<>();
            for (int i = 0; i < 2500; i++) {
                gadgets.add(Map.of("name", "g-" + i, "size", 1 + i % 100, "owner", owner.uuid()));
            }
            List<StoredEntity> created = session.createAll("Gadget", gadgets);
            StoredEntity changed = session.update("Gadget", created.get(7).uuid(), 1L, Map.of("name", "renamed"));

            assertThat(session.get("Gadget", changed.uuid())).get().extracting(e -> e.value("name")).isEqualTo("renamed");
            assertThat(session.templateOf(owner.uuid())).contains("Owner");
            assertThat(session.count("Gadget")).isEqualTo(2500);
            assertThat(session.findBy("Gadget", Map.of("name", "renamed"))).extracting(StoredEntity::uuid).containsExactly(changed.uuid());
            assertThat(session.findBy("Gadget", Map.of("name", "g-7"))).isEmpty();
            assertThat(session.search("Gadget", "g-249", 0, 100)).hasSize(11);
            assertThat(session.listAfter("Gadget", null, 3000)).hasSize(2500);
            assertThatThrownBy(() -> session.delete("Owner", owner.uuid(), null)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("is still referenced by 2500 Gadget");
            session.commit();
        }
        assertThat(store.count("Gadget")).isEqualTo(2500);
        assertThat(store.findBy("Gadget", Map.of("name", "renamed"))).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aCommitSoFarWritesWhatIsPendingAndARollbackDropsIt(Db db) {
        EntityStore store = open(db);
        try (StoreSession session = store.session()) {
            session.create("Gadget", Map.of("name", "durable"));
            session.commitSoFar();
            session.create("Gadget", Map.of("name", "undone"));
            session.rollbackSoFar();
            session.commit();
        }

        assertThat(store.findBy("Gadget", Map.of("name", "durable"))).hasSize(1);
        assertThat(store.findBy("Gadget", Map.of("name", "undone"))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void anUpdateSomeoneElseCommittedFirstIsRefusedAtTheCommit(Db db) {
        EntityStore store = open(db);
        StoredEntity gadget = store.create("Gadget", Map.of("name", "contested"));
        try (StoreSession session = store.session()) {
            session.update("Gadget", gadget.uuid(), null, Map.of("size", 2L));
            store.update("Gadget", gadget.uuid(), null, Map.of("size", 3L));

            assertThatThrownBy(session::commit).isInstanceOf(StoreException.class).hasMessageContaining("was changed by someone else");
        }
        assertThat(store.require("Gadget", gadget.uuid()).value("size")).isEqualTo(3L);
    }
}
