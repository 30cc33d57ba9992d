package io.mvinfra.scaleway;

import static support.Fixtures.fixture;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.mvinfra.http.HttpRuntime;
import io.mvinfra.http.Json;
import support.FakeTime;
import support.ModuleTestbed;
import support.TestHttp;

/**
 * The module as a Scaleway operator has it: a SCALEWAY ServiceProvider whose API is {@code apiBaseUrl} (a WireMock
 * stub or Prism), working in fr-par-1 and nl-ams-1 on servers named {@code dev-…} or {@code int…}, and its secret key.
 */
final class ScalewayTestbed extends ModuleTestbed {

    static final String SECRET_KEY = "scw-secret-7d1f0c2e-4b9a-4e7d-8c1b-do-not-leak";
    /** The credential's project, where a create goes when its entity names none. */
    static final String PROJECT = "105bdce1-64c0-48ab-899d-868455867ecf";

    final String credential;
    final String provider;

    private ScalewayTestbed(String apiBaseUrl, Optional<HttpRuntime> runtime) {
        super(runtime);
        this.credential = create("Credential", Map.of("domainName", "api.scaleway.com",
                "authenticationType", "SCALEWAY_SECRET_KEY", "accessKey", "SCWXXXXXXXXXXXXXXXXX", "apiKey", SECRET_KEY,
                "projectId", PROJECT));
        this.provider = create("ServiceProvider", Map.of("code", "scw-main", "kind", "SCALEWAY", "apiBaseUrl", apiBaseUrl,
                "credential", credential, "zones", List.of("fr-par-1", "nl-ams-1"), "serverNameFilter", List.of("dev-", "int")));
    }

    /** On the JVM's shared HTTP runtime, as the build configures it (a list reads one page at a time). */
    static ScalewayTestbed at(String apiBaseUrl) {
        return new ScalewayTestbed(apiBaseUrl, Optional.empty());
    }

    /** With a shared HTTP runtime on {@code time} until {@link #close}: ten minutes of waiting take none. */
    static ScalewayTestbed at(String apiBaseUrl, FakeTime time) {
        return at(apiBaseUrl, TestHttp.runtime(time));
    }

    /** With {@code runtime} as the shared HTTP runtime until {@link #close}. */
    static ScalewayTestbed at(String apiBaseUrl, HttpRuntime runtime) {
        return new ScalewayTestbed(apiBaseUrl, Optional.of(runtime));
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

    /** A SecurityGroup of this provider: {@code securityGroup("name", "web", "zone", "fr-par-1", …)}. */
    String securityGroup(Object... fieldsAndValues) {
        return create("SecurityGroup", fields("provider", provider, fieldsAndValues));
    }

    /** A SecurityRule of {@code group}. */
    String securityRule(String group, Object... fieldsAndValues) {
        return create("SecurityRule", fields("securityGroup", group, fieldsAndValues));
    }

    /** A PublicIp of this provider. */
    String publicIp(Object... fieldsAndValues) {
        return create("PublicIp", fields("provider", provider, fieldsAndValues));
    }

    /** A ServerUserData of {@code server}. */
    String userData(String server, Object... fieldsAndValues) {
        return create("ServerUserData", fields("server", server, fieldsAndValues));
    }

    /** An answer of Scaleway's: JSON with its status, {@code X-Total-Count} when it is a list. */
    static ResponseDefinitionBuilder answer(int status, String json) {
        return WireMock.aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(json);
    }

    /** One page of a list of {@code total} items in all. */
    static ResponseDefinitionBuilder page(String json, int total) {
        return answer(200, json).withHeader("X-Total-Count", String.valueOf(total));
    }

    /** One of Scaleway's error shapes, from {@code fixtures/scaleway/error-<type>.json}. */
    static ResponseDefinitionBuilder error(int status, String type) {
        return answer(status, fixture("scaleway/error-" + type + ".json"));
    }

    /**
     * The error shapes the issue names, with the status Scaleway answers them with and what the operator reads of
     * each: the type and every detail.
     */
    enum ScalewayError {
        INVALID_ARGUMENTS(400, "invalid-arguments", "(HTTP 400, invalid_arguments): invalid argument(s): name is required (a server needs a name)"),
        QUOTAS_EXCEEDED(403, "quotas-exceeded", "(HTTP 403, quotas_exceeded): quota(s) exceeded for this resource: instances_dev1_s at 10 of 10"),
        NOT_FOUND(404, "not-found", "(HTTP 404, not_found): resource is not found"),
        PERMISSIONS_DENIED(403, "permissions-denied", "(HTTP 403, permissions_denied): insufficient permissions: may not write instance_server");

        final int status;
        final String fixture;
        final String told;

        ScalewayError(int status, String fixture, String told) {
            this.status = status;
            this.fixture = fixture;
            this.told = told;
        }

        ResponseDefinitionBuilder answer() {
            return error(status, fixture);
        }
    }
}
