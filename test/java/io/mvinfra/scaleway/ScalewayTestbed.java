package io.mvinfra.scaleway;

import static support.Fixtures.fixture;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.mvinfra.http.Json;
import support.ModuleTestbed;

/**
 * The module as a Scaleway operator has it: a SCALEWAY ServiceProvider whose API is {@code apiBaseUrl} (a WireMock
 * stub or Prism), working in fr-par-1 and nl-ams-1 on servers named {@code dev-…} or {@code int…}, and its secret key.
 */
final class ScalewayTestbed extends ModuleTestbed {

    static final String SECRET_KEY = "scw-secret-7d1f0c2e-4b9a-4e7d-8c1b-do-not-leak";

    final String credential;
    final String provider;

    private ScalewayTestbed(String apiBaseUrl) {
        this.credential = create("Credential", Map.of("domainName", "api.scaleway.com",
                "authenticationType", "SCALEWAY_SECRET_KEY", "accessKey", "SCWXXXXXXXXXXXXXXXXX", "apiKey", SECRET_KEY));
        this.provider = create("ServiceProvider", Map.of("code", "scw-main", "kind", "SCALEWAY", "apiBaseUrl", apiBaseUrl,
                "credential", credential, "zones", List.of("fr-par-1", "nl-ams-1"), "serverNameFilter", List.of("dev-", "int")));
    }

    static ScalewayTestbed at(String apiBaseUrl) {
        return new ScalewayTestbed(apiBaseUrl);
    }

    /** A Server of this provider: {@code server("instanceName", "dev-web-1", "zone", "fr-par-1", …)}. */
    String server(Object... fieldsAndValues) {
        return create("Server", fields("provider", provider, fieldsAndValues));
    }

    /** A Volume of this provider: {@code volume("name", "data-1", "zone", "fr-par-1", …)}. */
    String volume(Object... fieldsAndValues) {
        return create("Volume", fields("provider", provider, fieldsAndValues));
    }

    String snapshot(Object... fieldsAndValues) {
        return create("Snapshot", fields("provider", provider, fieldsAndValues));
    }

    String image(Object... fieldsAndValues) {
        return create("Image", fields("provider", provider, fieldsAndValues));
    }

    /** A JSON answer from a fixture under {@code fixtures/scaleway/}. */
    static ResponseDefinitionBuilder answer(String fixture) {
        return WireMock.okJson(fixture("scaleway/" + fixture));
    }

    /** A Block Storage answer from a fixture with its {@code status} changed: {@code answer("block/volume-creating.json", "error")}. */
    static ResponseDefinitionBuilder answer(String fixture, String status) {
        try {
            ObjectNode body = (ObjectNode) Json.SNAKE_CASE.readTree(fixture("scaleway/" + fixture));
            return WireMock.okJson(body.put("status", status).toString());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(fixture, e);
        }
    }

    /**
     * A first page of a Block Storage list as Scaleway fills it when asked for 100: the fixture's items, then copies
     * of its first one (ids and names numbered) up to 100, its {@code total_count} saying {@code total}.
     */
    static ResponseDefinitionBuilder fullPage(String fixture, String listField, int total) {
        try {
            ObjectNode page = (ObjectNode) Json.SNAKE_CASE.readTree(fixture("scaleway/" + fixture));
            ArrayNode items = (ArrayNode) page.get(listField);
            ObjectNode first = (ObjectNode) items.get(0);
            for (int n = items.size(); n < ScalewayDialect.MAX_PER_PAGE; n++) {
                items.add(first.deepCopy().put("id", String.format("00000000-0000-4000-8000-%012d", n)).put("name", "bulk-" + n));
            }
            return WireMock.okJson(page.put("total_count", total).toString());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(fixture, e);
        }
    }

    /** Scaleway's refusal, its body a fixture under {@code fixtures/scaleway/}. */
    static ResponseDefinitionBuilder refusal(int status, String fixture) {
        return WireMock.aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("X-Request-Id", "c9d1cceb-5463-4311-b201-58e29cf7a23a").withBody(fixture("scaleway/" + fixture));
    }
}
