package io.mvinfra.host.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import io.mvinfra.host.web.ApiClient.Response;

/**
 * The rules a button checks at press run at save too, from the same code (io.mvinfra.providers.EntityRuleSets): the
 * JSON API refuses a DNS record Cloudflare would refuse, naming the field, and stores nothing; a record broken in
 * the store directly is still refused by the press, before any request.
 */
class RulesAtSaveApiTest {
    private static CloudflareWeb cf;
    private static ApiClient api;
    private static String zone;

    @BeforeAll
    static void start() {
        cf = CloudflareWeb.apiOnly();
        api = cf.api;
        zone = cf.zone("rules.example", "cf-rules");
    }

    @AfterAll
    static void stop() {
        cf.close();
    }

    @BeforeEach
    void resetStub() {
        cf.cloudflare.resetAll();
    }

    @Test
    void aTtlOfThirtySecondsIsRefusedAtSaveUnderTheField() {
        Response refused = api.post("/api/entities/DnsRecord", Map.of("fields", Map.of("domainName", zone, "recordType", "A",
                "name", "ttl30.rules.example", "value", "192.0.2.30", "ttl", 30)));

        assertThat(refused.status()).isEqualTo(422);
        JsonNode violation = refused.json().path("violations").path(0);
        assertThat(violation.path("field").asText()).isEqualTo("ttl");
        assertThat(violation.path("rule").asText()).isEqualTo("entityRules");
        assertThat(violation.path("message").asText()).isEqualTo("must be 1 (automatic) or 60 to 86400 seconds, is 30");
        assertThat(refused.json().path("violations")).hasSize(1);
        assertThat(api.get("/api/entities/DnsRecord?q=ttl30").json().path("total").asLong()).as("nothing stored").isZero();
    }

    @Test
    void anMxRecordWithoutPriorityIsRefusedAtSave() {
        Response refused = api.post("/api/entities/DnsRecord", Map.of("fields", Map.of("domainName", zone, "recordType", "MX",
                "name", "rules.example", "value", "mail.rules.example")));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("violations").path(0).path("field").asText()).isEqualTo("priority");
        assertThat(refused.json().path("violations").path(0).path("message").asText()).startsWith("is required for type MX");
        assertThat(refused.json().path("error").asText()).startsWith("DnsRecord.priority: is required for type MX");
    }

    @Test
    void everyBrokenRuleIsNamedAtOnceAndAnAddressMustFitItsType() {
        Response refused = api.post("/api/entities/DnsRecord", Map.of("fields", Map.of("domainName", zone, "recordType", "AAAA",
                "name", "www.elsewhere.example", "value", "192.0.2.1", "ttl", 5)));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("violations").findValuesAsText("field")).containsExactlyInAnyOrder("name", "ttl", "value");
        assertThat(refused.json().path("violations").toString()).contains("an IPv6 address").contains("is not in rules.example");
    }

    @Test
    void anUpdateBreakingARuleIsRefusedAndTheRecordStaysAsItWas() {
        String record = api.post("/api/entities/DnsRecord", Map.of("fields", Map.of("domainName", zone, "recordType", "A",
                "name", "keep.rules.example", "value", "192.0.2.40", "ttl", 300))).json().path("uuid").asText();

        Response refused = api.put("/api/entities/DnsRecord/" + record, Map.of("version", 1, "fields", Map.of("ttl", 30)));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("violations").path(0).path("field").asText()).isEqualTo("ttl");
        JsonNode kept = api.get("/api/entities/DnsRecord/" + record).json();
        assertThat(kept.path("version").asLong()).isEqualTo(1);
        assertThat(kept.path("fields").path("ttl").asLong()).isEqualTo(300);
    }

    @Test
    void aLockdownRuleOnAnotherZonesUrlIsRefusedAtSave() {
        Response refused = api.post("/api/entities/LockdownRule", Map.of("fields", Map.of("domainName", zone,
                "urls", List.of("elsewhere.example/admin*"), "ips", List.of("198.51.100.4"))));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("violations").path(0).path("field").asText()).isEqualTo("urls");
        assertThat(refused.json().path("violations").path(0).path("message").asText()).contains("is not on a host of rules.example");
    }

    @Test
    void thePressStillRefusesARecordBrokenInTheStoreDirectlyBeforeAnyRequest() {
        String record = cf.web.host().store().create("DnsRecord", Map.of("domainName", zone, "recordType", "A",
                "name", "direct.rules.example", "value", "192.0.2.50", "ttl", 30L)).uuid();

        Response press = api.post("/api/entities/DnsRecord/" + record + "/actions/createCloudflareDnsRecord?wait=20", Map.of());

        assertThat(press.json().path("result").path("outcome").asText()).isEqualTo("FAILED");
        assertThat(press.json().path("result").path("message").asText())
                .isEqualTo("DnsRecord.ttl: must be 1 (automatic) or 60 to 86400 seconds, is 30");
        assertThat(cf.cloudflare.getAllServeEvents()).as("no request reached Cloudflare").isEmpty();
    }
}
