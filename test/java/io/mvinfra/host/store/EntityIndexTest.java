package io.mvinfra.host.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.mvinfra.host.Host;
import support.TestHosts;
import support.TestHosts.Db;

/**
 * entity_value holds only the fields looked up by value (references, filter, unique); the web search reads every
 * searchable value from search_text; and a field newly marked filter is indexed for the entities already stored.
 * Each row holds its entity's scope (a DNS record's zone): a lookup finds an entity whether or not it names the scope.
 */
class EntityIndexTest {
    @TempDir
    Path home;
    @TempDir
    Path moduleCopy;
    private final String schema = TestHosts.freshSchema();

    private Host open(Db db, Path module) {
        if (db == Db.POSTGRES) {
            TestHosts.requirePostgres();
        }
        return Host.open(TestHosts.settings(home, db, module, schema));
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void onlyLookedUpFieldsGetIndexRowsWhileTheSearchStillFindsEveryValue(Db db) throws SQLException {
        try (Host host = open(db, TestHosts.sampleModule())) {
            String owner = host.store().create("Owner", Map.of("name", "ops")).uuid();
            // given a gadget with a reference (owner) and plain values, none marked filter in the sample module
            String gadget = host.store().create("Gadget", Map.of("name", "blue-widget", "labels", Map.of("first", "alpha", "second", "beta"),
                    "size", 7, "owner", owner, "notes", "a long note", "secret", "s3cret")).uuid();

            // then only the reference has rows: it is what a delete of the owner checks
            assertThat(indexRows(host, gadget)).containsExactly("owner=" + owner);
            // and the search finds any searchable value, ignoring case, but not a long text nor a secret
            assertThat(search(host, "LUE-WID")).extracting(StoredEntity::uuid).containsExactly(gadget);
            assertThat(search(host, "BETA")).hasSize(1);
            assertThat(search(host, "long note")).isEmpty();
            assertThat(search(host, "s3cret")).isEmpty();
            // a search never matches across two values ("alpha" then "beta")
            assertThat(search(host, "alphabeta")).isEmpty();
            assertThat(search(host, "alpha%beta")).isEmpty();
            // and a lookup on a field without rows still finds it, by reading the template's entities
            assertThat(host.store().findBy("Gadget", Map.of("name", "blue-widget"))).extracting(StoredEntity::uuid).containsExactly(gadget);
            assertThat(host.store().findBy("Gadget", Map.of("owner", owner, "labels", "beta"))).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aFlagGetsAnIndexRowOnlyWhileSetAndALookupFindsItEitherWay(Db db) throws SQLException {
        try (Host host = open(db, TestHosts.projectDir())) {
            String domain = host.store().create("DomainName", Map.of("name", "example.com")).uuid();
            // given two records, neither missing at the provider (what a first sync writes 10 000 of)
            String www = host.store().create("DnsRecord", Map.of("domainName", domain, "name", "www", "recordType", "A", "value", "192.0.2.1",
                    "ttl", 3600L, "missingAtProvider", false)).uuid();
            String mail = host.store().create("DnsRecord", Map.of("domainName", domain, "name", "mail", "recordType", "MX", "value", "192.0.2.2",
                    "ttl", 3600L, "missingAtProvider", false)).uuid();
            List<String> whileNotSet = indexRows(host, www);

            // when one is marked missing, and later found again
            host.store().update("DnsRecord", mail, null, Map.of("missingAtProvider", true));
            List<String> whileSet = indexRows(host, mail);
            List<StoredEntity> missing = host.store().findBy("DnsRecord", Map.of("missingAtProvider", true));
            List<StoredEntity> present = host.store().findBy("DnsRecord", Map.of("missingAtProvider", false));
            host.store().update("DnsRecord", mail, null, Map.of("missingAtProvider", false));

            // then the flag has a row only while it is set, and a lookup for either value finds what it should
            assertThat(whileNotSet).noneMatch(row -> row.startsWith("missingAtProvider="));
            assertThat(whileSet).contains("missingAtProvider=true");
            assertThat(indexRows(host, mail)).noneMatch(row -> row.startsWith("missingAtProvider="));
            assertThat(missing).extracting(StoredEntity::uuid).containsExactly(mail);
            assertThat(present).extracting(StoredEntity::uuid).containsExactly(www);
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aFieldNewlyMarkedFilterIsIndexedForTheEntitiesStoredBefore(Db db) throws IOException, SQLException {
        copy(TestHosts.sampleModule(), moduleCopy);
        List<String> gadgets = new ArrayList<>();
        try (Host host = open(db, moduleCopy)) {
            for (int i = 0; i < 2100; i++) {   // more than one page of the rebuild
                gadgets.add(host.store().create("Gadget", Map.of("name", "g-" + i)).uuid());
            }
        }
        // given a module upgrade marking name as a filter
        Path name = moduleCopy.resolve("customFieldTemplates/CE_Gadget/name.json");
        Files.writeString(name, Files.readString(name).replaceFirst("\"filter\"\\s*:\\s*false", "\"filter\": true"));

        // when the host opens on it
        try (Host host = open(db, moduleCopy)) {
            // then the entities stored before have their name rows, and a lookup (now through them) finds them
            assertThat(indexRows(host, gadgets.get(2099))).containsExactly("name=g-2099");
            assertThat(host.store().findBy("Gadget", Map.of("name", "g-17"))).extracting(StoredEntity::uuid).containsExactly(gadgets.get(17));
            assertThat(search(host, "g-2099")).hasSize(1);
        }
        // and a later open with the same module rebuilds nothing
        try (Host host = open(db, moduleCopy)) {
            assertThat(host.store().alignIndex()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void entitiesStoredBeforeTheSearchColumnAreSearchableAfterTheUpgrade(Db db) throws SQLException {
        String gadget;
        try (Host host = open(db, TestHosts.sampleModule())) {
            gadget = host.store().create("Gadget", Map.of("name", "legacy", "labels", Map.of("first", "old-label"))).uuid();
            // given a database as migration V3 leaves one written before it: no search text, no policy
            try (Connection c = host.database().connection()) {
                c.createStatement().executeUpdate("UPDATE entity SET search_text = NULL");
                c.createStatement().executeUpdate("DELETE FROM entity_index_policy");
            }
        }
        try (Host host = open(db, TestHosts.sampleModule())) {
            assertThat(search(host, "old-lab")).extracting(StoredEntity::uuid).containsExactly(gadget);
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void anUpdateAndADeleteLeaveTheIndexRowsOfWhatIsStoredAndNoneOfWhatWas(Db db) throws SQLException {
        try (Host host = open(db, TestHosts.sampleModule())) {
            String first = host.store().create("Owner", Map.of("name", "first")).uuid();
            String second = host.store().create("Owner", Map.of("name", "second")).uuid();
            String gadget = host.store().create("Gadget", Map.of("name", "g", "owner", first)).uuid();
            // and one created, re-pointed and re-pointed again in one transaction, written once at its commit
            String other = host.store().inTransaction(s -> {
                String uuid = s.create("Gadget", Map.of("name", "o", "owner", first)).uuid();
                s.update("Gadget", uuid, null, Map.of("owner", second));
                s.update("Gadget", uuid, null, Map.of("owner", first));
                return uuid;
            });

            // when the gadget moves to the second owner, then an update leaves the owner alone
            host.store().update("Gadget", gadget, null, Map.of("owner", second));
            host.store().update("Gadget", gadget, null, Map.of("size", 3));

            // then its rows name the second owner only, and the first is found only by the other gadget
            assertThat(indexRows(host, gadget)).containsExactly("owner=" + second);
            assertThat(indexRows(host, other)).containsExactly("owner=" + first);
            assertThat(host.store().findBy("Gadget", Map.of("owner", second))).extracting(StoredEntity::uuid).containsExactly(gadget);

            // and once both gadgets are deleted, no row is left and both owners can go
            host.store().delete("Gadget", gadget, null);
            host.store().delete("Gadget", other, null);
            assertThat(indexRows(host, gadget)).isEmpty();
            assertThat(indexRows(host, other)).isEmpty();
            host.store().delete("Owner", first, null);
            host.store().delete("Owner", second, null);
            assertThat(host.store().count("Owner")).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aLookupByAValueFindsItInEveryScopeAndNamingTheScopeNarrowsToIt(Db db) throws SQLException {
        try (Host host = open(db, TestHosts.projectDir())) {
            // given www in two zones, and mail in the first
            String first = zone(host, "first.example");
            String second = zone(host, "second.example");
            String wwwFirst = record(host, first, "www.first.example", "abc1");
            String wwwSecond = record(host, second, "www.first.example", "abc2");
            String mail = record(host, first, "mail.first.example", "abc3");

            // then each row of a record holds its zone as the scope
            assertThat(scopes(host, wwwSecond)).containsOnly(second);
            // and a lookup by name finds the record in both zones; with the zone, in that zone only
            assertThat(host.store().findBy("DnsRecord", Map.of("name", "www.first.example"))).extracting(StoredEntity::uuid)
                    .containsExactly(wwwFirst, wwwSecond);
            assertThat(host.store().findBy("DnsRecord", Map.of("domainName", second, "name", "www.first.example"))).extracting(StoredEntity::uuid)
                    .containsExactly(wwwSecond);
            assertThat(host.store().findBy("DnsRecord", Map.of("providerSideId", "abc3"))).extracting(StoredEntity::uuid).containsExactly(mail);
            assertThat(host.store().findBy("DnsRecord", Map.of("domainName", first))).extracting(StoredEntity::uuid).containsExactly(wwwFirst, mail);
            assertThat(host.store().findBy("DnsRecord", Map.of("domainName", second, "providerSideId", "abc3"))).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aRecordMovedToAnotherZoneIsFoundThereOnlyAndTheOldZoneCanGo(Db db) throws SQLException {
        try (Host host = open(db, TestHosts.projectDir())) {
            String first = zone(host, "first.example");
            String second = zone(host, "second.example");
            String www = record(host, first, "www.example", "abc1");

            // when the record is re-pointed to the second zone
            host.store().update("DnsRecord", www, null, Map.of("domainName", second));

            // then all its rows moved with it
            assertThat(scopes(host, www)).containsOnly(second);
            assertThat(host.store().findBy("DnsRecord", Map.of("domainName", second, "name", "www.example"))).hasSize(1);
            assertThat(host.store().findBy("DnsRecord", Map.of("domainName", first, "name", "www.example"))).isEmpty();
            assertThat(host.store().findBy("DnsRecord", Map.of("name", "www.example"))).extracting(StoredEntity::uuid).containsExactly(www);
            // and nothing references the first zone any more, while the second is still in use
            host.store().delete("DomainName", first, null);
            assertThat(catchThrowableOfType(() -> host.store().delete("DomainName", second, null), StoreException.class))
                    .hasMessageContaining("still referenced by 1 DnsRecord (domainName)");
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void rowsWrittenBeforeTheScopeAreRebuiltWithItAtTheNextOpen(Db db) throws SQLException {
        String www;
        String zone;
        try (Host host = open(db, TestHosts.projectDir())) {
            zone = zone(host, "first.example");
            www = record(host, zone, "www.example", "abc1");
            // given the rows as migration V4 leaves those written before it: no scope, and the policy they were built by
            try (Connection c = host.database().connection()) {
                c.createStatement().executeUpdate("UPDATE entity_value SET scope = ''");
                c.createStatement().executeUpdate("UPDATE entity_index_policy SET fields = REPLACE(fields, ';scope=domainName', '')"
                        + " WHERE cet_code = 'DnsRecord'");
            }
        }
        try (Host host = open(db, TestHosts.projectDir())) {
            assertThat(scopes(host, www)).containsOnly(zone);
            assertThat(host.store().findBy("DnsRecord", Map.of("domainName", zone, "name", "www.example"))).extracting(StoredEntity::uuid)
                    .containsExactly(www);
        }
    }

    private static String zone(Host host, String name) {
        return host.store().create("DomainName", Map.of("name", name)).uuid();
    }

    private static String record(Host host, String zone, String name, String providerSideId) {
        return host.store().create("DnsRecord", Map.of("domainName", zone, "name", name, "recordType", "A", "value", "192.0.2.1",
                "providerSideId", providerSideId)).uuid();
    }

    private static List<String> scopes(Host host, String uuid) throws SQLException {
        List<String> scopes = rowsOf(host, uuid, "scope");
        assertThat(scopes).as("rows of " + uuid).isNotEmpty();
        return scopes;
    }

    private static List<StoredEntity> search(Host host, String text) {
        return host.store().inTransaction(s -> s.search("Gadget", text, 0, 10));
    }

    private static List<String> indexRows(Host host, String uuid) throws SQLException {
        return rowsOf(host, uuid, "field || '=' || val");
    }

    /** {@code column} of each entity_value row of the entity, in (field, val) order. */
    private static List<String> rowsOf(Host host, String uuid, String column) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = host.database().connection();
             PreparedStatement st = c.prepareStatement("SELECT " + column + " FROM entity_value WHERE uuid = ? ORDER BY field, val")) {
            st.setString(1, uuid);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
        }
        return rows;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
