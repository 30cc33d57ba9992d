package io.mvinfra.host.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.mvinfra.host.Host;
import support.TestHosts;
import support.TestHosts.Db;

/** Every behaviour runs on the embedded database and on PostgreSQL. */
class EntityStoreTest {
    private static final String CANARY = "canary-7f3a9c-do-not-leak";

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
    void createsReadsUpdatesListsAndDeletes(Db db) {
        EntityStore store = open(db);
        StoredEntity owner = store.create("Owner", Map.of("name", "ops"));

        StoredEntity created = store.create("Gadget", Map.of("name", "probe-1", "size", "42", "weight", "1.5", "enabled", "true",
                "born", "2026-01-31", "owner", owner.uuid(), "tags", "a,b", "labels", "env=prod;team=ops"));
        StoredEntity updated = store.update("Gadget", created.uuid(), created.version(), Map.of("size", 43L, "tags", List.of("c")));

        assertThat(created.value("color")).as("default applied").isEqualTo("red");
        assertThat(created.value("size")).isEqualTo(42L);
        assertThat(created.value("weight")).isEqualTo(1.5);
        assertThat(created.value("born")).isEqualTo(Instant.parse("2026-01-31T00:00:00Z"));
        assertThat(created.value("labels")).isEqualTo(Map.of("env", "prod", "team", "ops"));
        assertThat(updated.version()).isEqualTo(2);
        StoredEntity read = store.require("Gadget", created.uuid());
        assertThat(read.value("size")).isEqualTo(43L);
        assertThat(read.value("tags")).isEqualTo(List.of("c"));
        assertThat(read.value("owner")).isEqualTo(owner.uuid());
        assertThat(read.value("born")).isEqualTo(Instant.parse("2026-01-31T00:00:00Z"));
        assertThat(store.list("Gadget", 0, 10)).extracting(StoredEntity::uuid).containsExactly(created.uuid());
        assertThat(store.count("Gadget")).isEqualTo(1);
        assertThat(store.findBy("Gadget", Map.of("tags", "c", "owner", owner.uuid()))).hasSize(1);
        assertThat(store.findBy("Gadget", Map.of("tags", "a"))).isEmpty();

        store.delete("Gadget", created.uuid(), null);

        assertThat(store.get("Gadget", created.uuid())).isEmpty();
        assertThat(store.findBy("Gadget", Map.of("tags", "c"))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void namesEntityFieldAndRuleOfEachValidationError(Db db) {
        EntityStore store = open(db);
        StoredEntity owner = store.create("Owner", Map.of("name", "ops"));
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("name", "Not-Lower-Case");
        bad.put("size", "1000");
        bad.put("weight", "-1");
        bad.put("color", "purple");
        bad.put("enabled", "perhaps");
        bad.put("born", "yesterday");
        bad.put("tags", "short,much-too-long-tag");
        bad.put("size2", "1");

        assertThatThrownBy(() -> store.create("Gadget", bad)).isInstanceOfSatisfying(StoreException.class, e -> {
            assertThat(e.kind()).isEqualTo(StoreException.Kind.INVALID);
            assertThat(e.violations()).extracting(v -> v.entity() + "." + v.field() + ":" + v.rule()).containsExactlyInAnyOrder(
                    "Gadget.name:regExp", "Gadget.size:maxValue", "Gadget.weight:minValue", "Gadget.color:listValues", "Gadget.enabled:type",
                    "Gadget.born:type", "Gadget.tags:maxValue", "Gadget.size2:unknown");
        });
        assertThatThrownBy(() -> store.create("Gadget", Map.of("size", 3))).hasMessage("Gadget.name: is required (valueRequired)");
        assertThatThrownBy(() -> store.create("Gadget", Map.of("name", "x", "size", "three")))
                .hasMessage("Gadget.size: 'three' is not a whole number (type)");
        assertThatThrownBy(() -> store.create("Gadget", Map.of("name", "much-too-long-for-a-gadget-name")))
                .hasMessageContaining("Gadget.name: is 31 characters long, at most 20 allowed (maxValue)");
        assertThatThrownBy(() -> store.create("Gadget", Map.of("name", "x", "owner", "0b9f6c3e-0000-4000-8000-000000000000")))
                .hasMessageContaining("Gadget.owner: references Owner 0b9f6c3e-0000-4000-8000-000000000000, which does not exist (entityClazz)");
        StoredEntity gadget = store.create("Gadget", Map.of("name", "x"));
        assertThatThrownBy(() -> store.create("Gadget", Map.of("name", "y", "owner", gadget.uuid())))
                .hasMessageContaining("Gadget.owner: must reference a Owner, " + gadget.uuid() + " is a Gadget (entityClazz)");
        assertThatThrownBy(() -> store.update("Gadget", gadget.uuid(), null, Map.of("name", "")))
                .hasMessage("Gadget.name: is required (valueRequired)");
        assertThatThrownBy(() -> store.create("Widget", Map.of())).hasMessageStartingWith("unknown entity template Widget");
        assertThat(store.count("Gadget")).as("nothing half-written").isEqualTo(1);
        assertThat(owner.version()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void refusesAStaleUpdateInsteadOfOverwriting(Db db) {
        EntityStore store = open(db);
        StoredEntity gadget = store.create("Gadget", Map.of("name", "x", "size", 1));
        store.update("Gadget", gadget.uuid(), gadget.version(), Map.of("size", 2));

        assertThatThrownBy(() -> store.update("Gadget", gadget.uuid(), gadget.version(), Map.of("size", 3)))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.STALE))
                .hasMessageContaining("was changed by someone else (you had version 1, it is now 2)");
        assertThatThrownBy(() -> store.delete("Gadget", gadget.uuid(), gadget.version()))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.STALE));
        assertThat(store.require("Gadget", gadget.uuid()).value("size")).isEqualTo(2L);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void refusesToDeleteAnEntityOthersStillReference(Db db) {
        EntityStore store = open(db);
        StoredEntity owner = store.create("Owner", Map.of("name", "ops"));
        store.create("Gadget", Map.of("name", "x", "owner", owner.uuid()));

        assertThatThrownBy(() -> store.delete("Owner", owner.uuid(), null))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.IN_USE))
                .hasMessageContaining("still referenced by 1 Gadget (owner)");
        assertThat(store.get("Owner", owner.uuid())).isPresent();
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void keepsSecretsEncryptedAtRestAndMaskedForDisplay(Db db) throws Exception {
        EntityStore store = open(db);

        StoredEntity gadget = store.create("Gadget", Map.of("name", "x", "secret", CANARY));
        StoredEntity unchanged = store.update("Gadget", gadget.uuid(), null, Map.of("secret", StoredEntity.MASK, "size", 5));

        assertThat(gadget.masked()).containsEntry("secret", StoredEntity.MASK);
        assertThat(gadget.toString()).doesNotContain(CANARY);
        assertThat(store.reveal(unchanged)).containsEntry("secret", CANARY);
        try (Connection c = host.database().connection();
             PreparedStatement st = c.prepareStatement("SELECT fields FROM entity WHERE uuid = ?")) {
            st.setString(1, gadget.uuid());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                assertThat(rs.getString(1)).contains("enc:v1:").doesNotContain(CANARY);
            }
        }
        assertThat(store.findBy("Gadget", Map.of("secret", CANARY))).extracting(StoredEntity::uuid).containsExactly(gadget.uuid());
    }
}
