package io.mvinfra.host.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.mvinfra.host.web.ApiClient.Response;

/** The entity API against the project's real templates: CRUD, paging and filter, validation, concurrency. */
class EntityApiTest {
    private static WebHost web;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        web = WebHost.start();
        api = web.client().session();
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    @Test
    void createsReadsUpdatesAndDeletesAnEntity() {
        Response created = api.post("/api/entities/ServiceProvider", Map.of("fields", Map.of("code", "cf-crud", "kind", "CLOUDFLARE",
                "zones", List.of("fr-par-1", "nl-ams-1"))));
        String uuid = created.json().path("uuid").asText();

        Response read = api.get("/api/entities/ServiceProvider/" + uuid);
        Response updated = api.put("/api/entities/ServiceProvider/" + uuid, Map.of("version", 1, "fields", Map.of("description", "main account")));
        Response deleted = api.delete("/api/entities/ServiceProvider/" + uuid + "?version=2");
        Response gone = api.get("/api/entities/ServiceProvider/" + uuid);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/entities/ServiceProvider/" + uuid);
        assertThat(read.json().path("label").asText()).isEqualTo("cf-crud");
        assertThat(read.json().path("version").asLong()).isEqualTo(1);
        assertThat(read.json().path("fields").path("status").asText()).as("default value").isEqualTo("ACTIVE");
        assertThat(read.json().path("fields").path("zones")).hasSize(2);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().path("version").asLong()).isEqualTo(2);
        assertThat(updated.json().path("fields").path("description").asText()).isEqualTo("main account");
        assertThat(updated.json().path("fields").path("code").asText()).as("fields not sent stay").isEqualTo("cf-crud");
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().path("error").asText()).contains(uuid);
    }

    @Test
    void listsPageByPageWithTheTotalAndFilters() {
        for (int i = 0; i < 7; i++) {
            api.post("/api/entities/DomainName", Map.of("fields", Map.of("name", "page" + i + ".example.org")));
        }
        api.post("/api/entities/DomainName", Map.of("fields", Map.of("name", "other_100%.example.net".replace("_100%", "-x"))));

        JsonNode first = api.get("/api/entities/DomainName?limit=3&q=page").json();
        JsonNode last = api.get("/api/entities/DomainName?offset=6&limit=3&q=PAGE").json();
        JsonNode wildcard = api.get("/api/entities/DomainName?q=%25").json();

        assertThat(first.path("total").asLong()).isEqualTo(7);
        assertThat(labels(first)).containsExactly("page0.example.org", "page1.example.org", "page2.example.org");
        assertThat(labels(last)).containsExactly("page6.example.org");
        assertThat(wildcard.path("total").asLong()).as("'%' is a character, not a wildcard").isZero();
    }

    @Test
    void showsTheLabelOfReferencedEntities() {
        String provider = api.post("/api/entities/ServiceProvider", Map.of("fields", Map.of("code", "registrar-1", "kind", "CLOUDFLARE")))
                .json().path("uuid").asText();
        String domain = api.post("/api/entities/DomainName", Map.of("fields", Map.of("name", "refs.example.com", "registrar", provider)))
                .json().path("uuid").asText();

        JsonNode read = api.get("/api/entities/DomainName/" + domain).json();
        JsonNode list = api.get("/api/entities/DomainName?q=refs.example").json();

        assertThat(read.path("fields").path("registrar").asText()).isEqualTo(provider);
        assertThat(read.path("references").path(provider).path("label").asText()).isEqualTo("registrar-1");
        assertThat(read.path("references").path(provider).path("entity").asText()).isEqualTo("ServiceProvider");
        assertThat(list.path("references").path(provider).path("label").asText()).isEqualTo("registrar-1");
    }

    @Test
    void refusesInvalidValuesNamingEachField() {
        Response r = api.post("/api/entities/DnsRecord", Map.of("fields", Map.of("recordType", "XYZ", "name", "www", "ttl", 100000)));

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().path("error").asText()).isNotBlank();
        assertThat(violations(r)).contains("recordType:listValues", "ttl:maxValue", "domainName:valueRequired");
        assertThat(r.json().path("violations").get(0).path("message").asText()).isNotBlank();
    }

    @Test
    void refusesAFractionInAWholeNumberFieldInsteadOfRoundingIt() {
        Response r = post("DnsRecord", "{\"ttl\": 1.5, \"priority\": 1.5, \"recordType\": \"MX\", \"name\": \"m\"}");

        assertThat(r.status()).isEqualTo(422);
        assertThat(violations(r)).contains("ttl:type", "priority:type");
        assertThat(message(r, "ttl")).isEqualTo("must be a whole number, is 1.5");
        assertThat(message(r, "priority")).isEqualTo("must be a whole number, is 1.5");
    }

    @Test
    void refusesAWholeNumberBeyondTheLongRangeInsteadOfWrappingIt() {
        Response r = post("LockdownRule", "{\"priority\": -9223372036854775809, \"urls\": [\"a.example.com/*\"]}");

        assertThat(r.status()).isEqualTo(422);
        assertThat(violations(r)).contains("priority:type");
        assertThat(message(r, "priority")).startsWith("is out of range");
    }

    @Test
    void refusesAChosenUuidThatIsNotAUuidAndKeepsOneThatIs() {
        String real = "0190a3f2-7c4e-7d1a-9b2c-3e4f5a6b7c8d";

        Response invalid = post("ServiceProvider", "{\"uuid\": \"not-a-uuid\", \"code\": \"chosen-1\", \"kind\": \"CLOUDFLARE\"}");
        Response valid = post("ServiceProvider", "{\"uuid\": \"" + real.toUpperCase() + "\", \"code\": \"chosen-2\", \"kind\": \"CLOUDFLARE\"}");

        assertThat(invalid.status()).isEqualTo(422);
        assertThat(violations(invalid)).containsExactly("uuid:type");
        assertThat(invalid.json().path("error").asText()).contains("ServiceProvider.uuid: 'not-a-uuid' is not a UUID");
        assertThat(valid.status()).isEqualTo(201);
        assertThat(valid.json().path("uuid").asText()).as("one spelling of a uuid").isEqualTo(real);
    }

    @Test
    void refusesABooleanInATextOrSecretField() {
        Response text = post("DnsRecord", "{\"comment\": true}");
        Response secret = post("Credential", "{\"token\": true}");

        assertThat(violations(text)).contains("comment:type");
        assertThat(message(text, "comment")).isEqualTo("expects text, got a boolean true");
        assertThat(violations(secret)).contains("token:type");
    }

    @Test
    void refusesANumberAsADate() {
        Response r = post("DnsRecord", "{\"creationDate\": 1e308}");

        assertThat(violations(r)).contains("creationDate:type");
        assertThat(message(r, "creationDate")).startsWith("expects a date (ISO-8601 text");
    }

    @Test
    void refusesNullInsideAList() {
        Response r = post("LockdownRule", "{\"urls\": [\"a.example.com/*\", null]}");

        assertThat(violations(r)).contains("urls:type");
        assertThat(message(r, "urls")).startsWith("item 2 of the list is null");
    }

    @Test
    void refusesAFieldWithAnEmptyNameClearly() {
        Response r = post("DnsRecord", "{\"\": \"x\"}");

        assertThat(violations(r)).contains(":unknown");
        assertThat(message(r, "")).startsWith("a field name is empty");
        assertThat(r.json().path("error").asText()).doesNotContain("DnsRecord.:");
    }

    @Test
    void countsLengthsInCharactersNotUtf16Units() {
        String fiveHundredEmoji = "\uD83D\uDE00".repeat(500);

        Response r = api.post("/api/entities/DnsRecord", Map.of("fields", Map.of("comment", fiveHundredEmoji)));

        assertThat(violations(r)).doesNotContain("comment:maxValue");
    }

    private static String message(Response r, String field) {
        for (JsonNode v : r.json().path("violations")) {
            if (v.path("field").asText().equals(field)) {
                return v.path("message").asText();
            }
        }
        return null;
    }

    private static Response post(String cet, String fieldsJson) {
        return api.post("/api/entities/" + cet, "{\"fields\": " + fieldsJson + "}");
    }

    @Test
    void refusesAStaleUpdateWithAClearMessage() {
        String uuid = api.post("/api/entities/ServiceProvider", Map.of("fields", Map.of("code", "stale-1", "kind", "SCALEWAY")))
                .json().path("uuid").asText();
        api.put("/api/entities/ServiceProvider/" + uuid, Map.of("version", 1, "fields", Map.of("organization", "first")));

        Response stale = api.put("/api/entities/ServiceProvider/" + uuid, Map.of("version", 1, "fields", Map.of("organization", "second")));
        Response noVersion = api.put("/api/entities/ServiceProvider/" + uuid, Map.of("fields", Map.of("organization", "third")));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().path("error").asText()).contains("changed by someone else").contains("reload");
        assertThat(noVersion.status()).isEqualTo(400);
        assertThat(api.get("/api/entities/ServiceProvider/" + uuid).json().path("fields").path("organization").asText()).isEqualTo("first");
    }

    @Test
    void fieldsFilledByTheProviderCannotBeChangedOnceCreated() {
        String uuid = api.post("/api/entities/DomainName", Map.of("fields", Map.of("name", "locked.example.com", "providerSideId", "zone-1")))
                .json().path("uuid").asText();

        Response changed = api.put("/api/entities/DomainName/" + uuid, Map.of("version", 1, "fields", Map.of("providerSideId", "zone-2")));
        Response echoed = api.put("/api/entities/DomainName/" + uuid, Map.of("version", 1, "fields", Map.of("providerSideId", "zone-1", "tld", "com")));

        assertThat(changed.status()).isEqualTo(422);
        assertThat(violations(changed)).containsExactly("providerSideId:allowEdit");
        assertThat(echoed.status()).as("sending back the same value changes nothing").isEqualTo(200);
    }

    @Test
    void refusesToDeleteAnEntityStillReferenced() {
        String provider = api.post("/api/entities/ServiceProvider", Map.of("fields", Map.of("code", "in-use", "kind", "CLOUDFLARE")))
                .json().path("uuid").asText();
        api.post("/api/entities/DomainName", Map.of("fields", Map.of("name", "uses.example.com", "registrar", provider)));

        Response r = api.delete("/api/entities/ServiceProvider/" + provider);

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().path("error").asText()).contains("still referenced by 1 DomainName");
    }

    @Test
    void answersUnknownThingsWith404And400() {
        assertThat(api.get("/api/entities/Nope").status()).isEqualTo(404);
        assertThat(api.get("/api/entities/DnsRecord/00000000-0000-0000-0000-000000000000").status()).isEqualTo(404);
        assertThat(api.get("/api/nothing-here").status()).isEqualTo(404);
        assertThat(api.get("/api/nothing-here").json().path("error").asText()).isNotBlank();
        assertThat(api.get("/api/entities/DnsRecord?limit=0").status()).isEqualTo(400);
        assertThat(api.post("/api/entities/DnsRecord", "{not json").status()).isEqualTo(400);
        Response typo = api.post("/api/entities/DnsRecord", Map.of("feilds", Map.of()));
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.json().path("error").asText()).contains("feilds");
    }

    @Test
    void describesTheModuleForThePage() {
        JsonNode module = api.get("/api/module").json();

        JsonNode dns = find(module.path("entities"), "DnsRecord");
        JsonNode ttl = find(dns.path("fields"), "ttl");
        JsonNode type = find(dns.path("fields"), "recordType");
        JsonNode domain = find(dns.path("fields"), "domainName");
        assertThat(module.path("categories").findValuesAsText("name")).contains("DNS (Cloudflare)", "Providers and credentials");
        assertThat(ttl.path("type").asText()).isEqualTo("LONG");
        assertThat(ttl.path("maxValue").asLong()).isEqualTo(86400);
        assertThat(ttl.path("summary").asBoolean()).isTrue();
        assertThat(type.path("listValues").findValuesAsText("code")).contains("A", "AAAA", "CNAME");
        assertThat(domain.path("referencedEntity").asText()).isEqualTo("DomainName");
        assertThat(domain.path("required").asBoolean()).isTrue();
        assertThat(find(find(module.path("entities"), "Credential").path("fields"), "token").path("secret").asBoolean()).isTrue();
    }

    static JsonNode find(JsonNode array, String code) {
        for (JsonNode n : array) {
            if (n.path("code").asText().equals(code)) {
                return n;
            }
        }
        throw new AssertionError("no " + code + " in " + array);
    }

    private static List<String> labels(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.path("items").forEach(i -> out.add(i.path("label").asText()));
        return out;
    }

    static List<String> violations(Response r) {
        List<String> out = new ArrayList<>();
        r.json().path("violations").forEach(v -> out.add(v.path("field").asText() + ":" + v.path("rule").asText()));
        return out;
    }
}
