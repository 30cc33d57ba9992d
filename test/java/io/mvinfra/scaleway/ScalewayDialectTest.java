package io.mvinfra.scaleway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static support.Fixtures.fixture;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.http.ProviderException;
import io.mvinfra.http.ProviderException.Kind;
import io.mvinfra.http.ProviderHttp;
import support.FakeTime;
import support.TestHttp;

@WireMockTest
class ScalewayDialectTest {

    private static final String SERVERS = "/instance/v1/zones/fr-par-1/servers";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Server(String id, String name, String commercialType, String state) {
    }

    private ProviderHttp scaleway;

    @BeforeEach
    void client(WireMockRuntimeInfo wm) {
        scaleway = ProviderHttp.builder(TestHttp.runtime(new FakeTime()), wm.getHttpBaseUrl(), new ScalewayDialect()).build();
    }

    @ParameterizedTest(name = "{0} (HTTP {1}) is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            error-invalid-arguments.json      | 400 | VALIDATION     | invalid_arguments     | invalid argument(s): name is required (a server needs a name); commercial_type does not respect a constraint (must be one of the types listed by /products/servers)
            error-quotas-exceeded.json        | 403 | QUOTA_EXCEEDED | quotas_exceeded       | quota(s) exceeded for this resource: instances_dev1_s at 10 of 10
            error-not-found.json              | 404 | NOT_FOUND      | not_found             | resource is not found: instance_server 9a6f4f38-6c13-4c79-9d4d-3d6a3e7b6c11
            error-unknown-resource.json       | 404 | NOT_FOUND      | unknown_resource      | Security group "11111111-1111-4111-8111-111111111111" not found
            error-invalid-request-fields.json | 400 | VALIDATION     | invalid_request_error | Validation Error: volumes.5.id 92 is not a valid UUID.; volumes.5.name required key not provided
            error-quota-instance-api.json     | 403 | QUOTA_EXCEEDED | invalid_request_error | Quota exceeded for this resource. (compute_snapshots_type_b_ssd_available)
            error-denied-authentication.json  | 401 | AUTH           | denied_authentication | authentication is denied: api_key not_found
            error-permissions-denied.json     | 403 | FORBIDDEN      | permissions_denied    | insufficient permissions: may not write instance_server
            error-transient-state.json        | 409 | CONFLICT       | transient_state       | resource is in a transient state: instance_server 9a6f4f38-6c13-4c79-9d4d-3d6a3e7b6c11 is starting
            error-conflict.json               | 409 | CONFLICT       | conflict              | Group is in use. You cannot delete it.
            error-precondition-failed.json    | 412 | CONFLICT       | precondition_failed   | precondition failed: resource_still_in_use (detach the volume first)
            """)
    void mapsEachErrorShapeWithScalewaysType(String fixture, int status, Kind kind, String type, String message) {
        stubFor(get(urlPathEqualTo(SERVERS)).willReturn(aResponse().withStatus(status)
                .withHeader("X-Request-Id", "c9d1cceb-5463-4311-b201-58e29cf7a23a")
                .withHeader("Content-Type", "application/json").withBody(fixture("scaleway/" + fixture))));

        ProviderException e = catchThrowableOfType(ProviderException.class, () -> scaleway.get(SERVERS).send());

        assertThat(e.provider()).isEqualTo("scaleway");
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.httpStatus()).isEqualTo(status);
        assertThat(e.providerCodes()).containsExactly(type);
        assertThat(e.providerMessage()).isEqualTo(message);
        assertThat(e.requestId()).isEqualTo("c9d1cceb-5463-4311-b201-58e29cf7a23a");
    }

    @Test
    void followsTheLinkHeaderWhoseTargetsAreRelativeToTheZone() {
        stubFor(get(urlPathEqualTo(SERVERS)).withQueryParam("page", absent()).withQueryParam("per_page", equalTo("100"))
                .willReturn(okJson(fixture("scaleway/servers-page-1.json")).withHeader("X-Total-Count", "3")
                        .withHeader("Link", "</servers?page=2&per_page=100&>; rel=\"next\",</servers?page=2&per_page=100&>; rel=\"last\"")));
        stubFor(get(urlPathEqualTo(SERVERS)).withQueryParam("page", equalTo("2")).withQueryParam("per_page", equalTo("100"))
                .willReturn(okJson(fixture("scaleway/servers-page-2.json")).withHeader("X-Total-Count", "3")
                        .withHeader("Link", "</servers?page=1&per_page=100&>; rel=\"first\",</servers?page=1&per_page=100&>; rel=\"previous\",</servers?page=2&per_page=100&>; rel=\"last\"")));

        List<Server> servers = scaleway.get(SERVERS).at("servers").list(Server.class);

        assertThat(servers).extracting(Server::name).containsExactly("dev-web-1", "dev-web-2", "int-db-1");
        assertThat(servers.get(2).commercialType()).isEqualTo("GP1-XS");
        verify(2, getRequestedFor(urlPathEqualTo(SERVERS)));
    }

    @Test
    void withoutALinkHeaderTheTotalCountSaysWhenToStop() {
        stubFor(get(urlPathEqualTo(SERVERS)).withQueryParam("page", absent()).withQueryParam("per_page", equalTo("2"))
                .willReturn(okJson(fixture("scaleway/servers-page-1.json")).withHeader("X-Total-Count", "3")));
        stubFor(get(urlPathEqualTo(SERVERS)).withQueryParam("page", equalTo("2")).withQueryParam("per_page", equalTo("2"))
                .willReturn(okJson(fixture("scaleway/servers-page-2.json")).withHeader("X-Total-Count", "3")));

        List<Server> servers = scaleway.get(SERVERS).query("per_page", 2).at("servers").list(Server.class);

        assertThat(servers).hasSize(3);
        verify(2, getRequestedFor(urlPathEqualTo(SERVERS)));
    }

    @Test
    void readsOneServerFromItsField() {
        stubFor(get(urlPathEqualTo(SERVERS + "/9a6f4f38-6c13-4c79-9d4d-3d6a3e7b6c11")).willReturn(okJson(fixture("scaleway/server.json"))));

        Server server = scaleway.get("instance/v1/zones/{zone}/servers/{id}", "fr-par-1", "9a6f4f38-6c13-4c79-9d4d-3d6a3e7b6c11")
                .at("server").read(Server.class);

        assertThat(server).isEqualTo(new Server("9a6f4f38-6c13-4c79-9d4d-3d6a3e7b6c11", "web-1", "DEV1-S", "running"));
    }
}
