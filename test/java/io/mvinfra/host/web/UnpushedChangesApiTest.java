package io.mvinfra.host.web;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static support.Fixtures.fixture;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An entity whose editable fields differ from what the provider last answered (the copy its buttons keep in
 * providerCopy) says so in the API, on its own and in lists: {@code unpushed: {provider, fields}}.
 */
class UnpushedChangesApiTest {
    private static CloudflareWeb cf;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        cf = CloudflareWeb.apiOnly();
        api = cf.api;
    }

    @AfterAll
    static void stop() {
        cf.close();
    }

    @Test
    void aLocalEditAfterThePressIsMarkedUntilItMatchesCloudflaresAnswerAgain() {
        cf.cloudflare.stubFor(post(urlEqualTo("/client/v4/zones/" + CloudflareWeb.ZONE_ID + "/dns_records"))
                .willReturn(okJson(fixture("cloudflare/dns-record-www-created.json"))));
        String zone = cf.zone("example.com", "cf-unpushed");
        String record = api.post("/api/entities/DnsRecord", Map.of("fields", Map.of("domainName", zone, "recordType", "A",
                "name", "www", "value", "198.51.100.4", "ttl", 300, "comment", "front door"))).json().path("uuid").asText();
        boolean markedBeforeThePress = api.get("/api/entities/DnsRecord/" + record).json().has("unpushed");
        api.post("/api/entities/DnsRecord/" + record + "/actions/createCloudflareDnsRecord?wait=20", Map.of());
        JsonNode afterPress = api.get("/api/entities/DnsRecord/" + record).json();

        JsonNode edited = api.put("/api/entities/DnsRecord/" + record, Map.of("version", afterPress.path("version").asLong(),
                "fields", Map.of("ttl", 3600, "comment", ""))).json();
        JsonNode listed = api.get("/api/entities/DnsRecord?q=" + record).json().path("items").path(0);
        JsonNode reverted = api.put("/api/entities/DnsRecord/" + record, Map.of("version", edited.path("version").asLong(),
                "fields", Map.of("ttl", 300, "comment", "front door"))).json();

        assertThat(markedBeforeThePress).as("never at the provider: nothing to compare with").isFalse();
        assertThat(afterPress.has("unpushed")).as("just written from Cloudflare's answer").isFalse();
        assertThat(afterPress.path("fields").path("providerCopy").asText()).contains("\"provider\":\"Cloudflare\"");
        assertThat(edited.path("unpushed").path("provider").asText()).isEqualTo("Cloudflare");
        assertThat(edited.path("unpushed").path("fields").toString()).isEqualTo("[\"ttl\",\"comment\"]");
        assertThat(listed.path("unpushed").path("fields").toString()).isEqualTo("[\"ttl\",\"comment\"]");
        assertThat(reverted.has("unpushed")).as("back to what Cloudflare has").isFalse();
    }
}
