package io.mvinfra.openstack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static support.Fixtures.fixture;

import java.time.Duration;
import java.util.List;

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
class OpenStackDialectTest {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Named(String id, String name) {
    }

    @ParameterizedTest(name = "{1}: {0} (HTTP {2}) is {3}")
    @CsvSource(delimiter = '|', textBlock = """
            nova-item-not-found.json       | nova     | 404 | NOT_FOUND      | itemNotFound       | Instance 5b2e8f7c-1d2e-4f3a-9b8c-7d6e5f4a3b2c could not be found.
            nova-conflicting-request.json  | nova     | 409 | CONFLICT       | conflictingRequest | Cannot 'os-stop' instance 5b2e8f7c-1d2e-4f3a-9b8c-7d6e5f4a3b2c while it is in vm_state stopped
            nova-quota-forbidden.json      | nova     | 403 | QUOTA_EXCEEDED | forbidden          | Quota exceeded for instances: Requested 1, but already used 10 of 10 instances
            nova-over-limit.json           | nova     | 413 | QUOTA_EXCEEDED | overLimit          | Quota exceeded for cores: Requested 2, but already used 20 of 20 cores
            cyclades-bad-request.json      | cyclades | 400 | VALIDATION     | badRequest         | Malformed request (Missing 'flavorRef' in server)
            ../keystone/unauthorized.json  | keystone | 401 | AUTH           | Unauthorized       | The request you have made requires authentication.
            neutron-network-not-found.json | neutron  | 404 | NOT_FOUND      | NetworkNotFound    | Network public could not be found.
            neutron-over-quota.json        | neutron  | 409 | QUOTA_EXCEEDED | OverQuota          | Quota exceeded for resources: ['port'].
            placement-not-found.json       | placement| 404 | NOT_FOUND      | placement.undefined_code | No resource provider with uuid 3a7c8f6e-0000-4000-8000-000000000001 found
            nova-forbidden.json            | nova     | 403 | FORBIDDEN      | forbidden          | Policy doesn't allow os_compute_api:os-migrate-server:migrate to be performed.
            cinder-item-not-found.json     | cinder   | 404 | NOT_FOUND      | itemNotFound       | Volume 7f5e3c1a-0000-4000-8000-000000000001 could not be found.
            cinder-over-limit.json         | cinder   | 413 | QUOTA_EXCEEDED | overLimit          | VolumeLimitExceeded: Maximum number of volumes allowed (10) exceeded for quota 'volumes'.
            """)
    void mapsEachErrorShapeWithTheServicesCode(String fixture, String service, int status, Kind kind, String code,
                                               String message, WireMockRuntimeInfo wm) {
        stubFor(get(urlPathEqualTo("/thing")).willReturn(aResponse().withStatus(status)
                .withHeader("X-Openstack-Request-Id", "req-3c245f29-c7ac-4b66-8696-5c16cadf0911")
                .withHeader("Content-Type", "application/json").withBody(fixture("openstack/" + fixture))));

        ProviderException e = catchThrowableOfType(ProviderException.class, () -> client(wm, service).get("thing").send());

        assertThat(e.provider()).isEqualTo(service);
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.httpStatus()).isEqualTo(status);
        assertThat(e.providerCodes()).containsExactly(code);
        assertThat(e.providerMessage()).isEqualTo(message);
        assertThat(e.requestId()).isEqualTo("req-3c245f29-c7ac-4b66-8696-5c16cadf0911");
    }

    @Test
    void cindersInvalidVolumeIsAConflictWithTheVolumesStateInItsWords(WireMockRuntimeInfo wm) {
        stubFor(get(urlPathEqualTo("/thing")).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody(fixture("openstack/cinder-bad-request.json"))));

        ProviderException e = catchThrowableOfType(ProviderException.class, () -> client(wm, "cinder").get("thing").send());

        assertThat(e.kind()).as("Cinder's 400 'Invalid volume' says the volume's state forbids it").isEqualTo(Kind.CONFLICT);
        assertThat(e.getMessage()).startsWith("cinder refused the request (HTTP 400, badRequest): Invalid volume: Volume status must be");
    }

    @Test
    void aRateLimitOverLimitIsWaitedOutAsItsRetryAfterSaysThenSentAgain(WireMockRuntimeInfo wm) {
        FakeTime time = new FakeTime();
        stubFor(get(urlPathEqualTo("/servers/detail")).inScenario("limit").whenScenarioStateIs(STARTED).willSetStateTo("free")
                .willReturn(aResponse().withStatus(413).withHeader("Retry-After", "2").withHeader("Content-Type", "application/json")
                        .withBody(fixture("openstack/nova-rate-limited.json"))));
        stubFor(get(urlPathEqualTo("/servers/detail")).inScenario("limit").whenScenarioStateIs("free")
                .willReturn(okJson("{\"servers\": [{\"id\": \"a1\", \"name\": \"dev-web-1\"}]}")));

        List<Named> servers = client(wm, "nova", time).get("servers/detail").at("servers").list(Named.class);

        assertThat(servers).extracting(Named::name).containsExactly("dev-web-1");
        verify(2, getRequestedFor(urlPathEqualTo("/servers/detail")));
        assertThat(time.slept()).as("at least the 2 s Nova asked for").isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aRateLimitAskingForLongerThanWeWaitIsARateLimitSayingWhenToComeBack(WireMockRuntimeInfo wm) {
        stubFor(get(urlPathEqualTo("/thing")).willReturn(aResponse().withStatus(413).withHeader("Retry-After", "3600")
                .withHeader("Content-Type", "application/json")
                .withBody(fixture("openstack/nova-rate-limited.json").replace("\"2\"", "\"3600\""))));

        ProviderException e = catchThrowableOfType(ProviderException.class, () -> client(wm, "nova").get("thing").send());

        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(e.providerCodes()).containsExactly("overLimit");
        assertThat(e.providerMessage()).isEqualTo("This request was rate-limited. (Only 10 POST request(s) can be made to * every minute.)"
                + " (retry after 3600 s)");
        verify(1, getRequestedFor(urlPathEqualTo("/thing")));
    }

    @Test
    void aQuotasOverLimitWithRetryAfterZeroIsFinalNotRetried(WireMockRuntimeInfo wm) {
        stubFor(get(urlPathEqualTo("/thing")).willReturn(aResponse().withStatus(413).withHeader("Retry-After", "0")
                .withHeader("Content-Type", "application/json").withBody(fixture("openstack/cinder-over-limit.json"))));

        ProviderException e = catchThrowableOfType(ProviderException.class, () -> client(wm, "cinder").get("thing").send());

        assertThat(e.kind()).isEqualTo(Kind.QUOTA_EXCEEDED);
        verify(1, getRequestedFor(urlPathEqualTo("/thing")));
    }

    @Test
    void glancesPlainHtmlErrorBecomesItsText(WireMockRuntimeInfo wm) {
        stubFor(get(urlPathEqualTo("/v2/images/0f7c2a9e-0000-4000-8000-000000000001")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "text/html; charset=UTF-8").withBody(fixture("openstack/glance-not-found.html"))));

        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> client(wm, "glance").get("v2/images/{id}", "0f7c2a9e-0000-4000-8000-000000000001").send());

        assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(e.providerCodes()).isEmpty();
        assertThat(e.getMessage()).isEqualTo("glance refused the request (HTTP 404): "
                + "404 Not Found No image found with ID 0f7c2a9e-0000-4000-8000-000000000001");
    }

    @Test
    void novaRequestIdIsTakenFromXComputeRequestIdWhenAlone(WireMockRuntimeInfo wm) {
        stubFor(get(urlPathEqualTo("/thing")).willReturn(aResponse().withStatus(404)
                .withHeader("X-Compute-Request-Id", "req-1a2b").withBody(fixture("openstack/nova-item-not-found.json"))));

        ProviderException e = catchThrowableOfType(ProviderException.class, () -> client(wm, "nova").get("thing").send());

        assertThat(e.requestId()).isEqualTo("req-1a2b");
    }

    @Test
    void novaPagesFollowServersLinksOnTheEndpointWeCalledNotTheHostItAdvertises(WireMockRuntimeInfo wm) {
        stubFor(get(urlPathEqualTo("/v2.1/servers/detail")).withQueryParam("marker", absent())
                .willReturn(okJson(fixture("openstack/nova-servers-page-1.json"))));
        stubFor(get(urlPathEqualTo("/v2.1/servers/detail")).withQueryParam("marker", equalTo("5b2e8f7c-0000-4000-8000-000000000002"))
                .withQueryParam("limit", equalTo("2")).willReturn(okJson(fixture("openstack/nova-servers-page-2.json"))));

        List<Named> servers = client(wm, "nova").get("v2.1/servers/detail").at("servers").list(Named.class);

        assertThat(servers).extracting(Named::name).containsExactly("dev-web-1", "dev-web-2", "int-db-1");
    }

    @Test
    void neutronPagesStopAtAPageWithoutItems(WireMockRuntimeInfo wm) {
        stubFor(get(urlPathEqualTo("/v2.0/networks")).withQueryParam("marker", absent())
                .willReturn(okJson(fixture("openstack/neutron-networks-page-1.json"))));
        stubFor(get(urlPathEqualTo("/v2.0/networks")).withQueryParam("marker", equalTo("2f0b6a1c-0000-4000-8000-000000000002"))
                .willReturn(okJson(fixture("openstack/neutron-networks-page-2.json"))));

        List<Named> networks = client(wm, "neutron").get("v2.0/networks").at("networks").list(Named.class);

        assertThat(networks).extracting(Named::name).containsExactly("private", "public");
        verify(2, getRequestedFor(urlPathEqualTo("/v2.0/networks")));
    }

    @Test
    void glancePagesFollowNext(WireMockRuntimeInfo wm) {
        stubFor(get(urlPathEqualTo("/v2/images")).withQueryParam("marker", absent())
                .willReturn(okJson(fixture("openstack/glance-images-page-1.json"))));
        stubFor(get(urlPathEqualTo("/v2/images")).withQueryParam("marker", equalTo("0f7c2a9e-0000-4000-8000-000000000002"))
                .willReturn(okJson(fixture("openstack/glance-images-page-2.json"))));

        List<Named> images = client(wm, "glance").get("v2/images").at("images").list(Named.class);

        assertThat(images).extracting(Named::name).containsExactly("cirros-fake", "debian-12", "ubuntu-24.04");
    }

    @Test
    void keystonePagesFollowLinksNext(WireMockRuntimeInfo wm) {
        stubFor(get(urlPathEqualTo("/v3/projects")).withQueryParam("marker", absent())
                .willReturn(okJson(fixture("openstack/keystone-projects-page-1.json"))));
        stubFor(get(urlPathEqualTo("/v3/projects")).withQueryParam("marker", equalTo("2a04a35785a946689bfdf41f4b7d1537"))
                .willReturn(okJson(fixture("openstack/keystone-projects-page-2.json"))));

        List<Named> projects = client(wm, "keystone").get("v3/projects").at("projects").list(Named.class);

        assertThat(projects).extracting(Named::name).containsExactly("demo", "admin");
    }

    private static ProviderHttp client(WireMockRuntimeInfo wm, String service) {
        return client(wm, service, new FakeTime());
    }

    private static ProviderHttp client(WireMockRuntimeInfo wm, String service, FakeTime time) {
        return ProviderHttp.builder(TestHttp.runtime(time), wm.getHttpBaseUrl(), new OpenStackDialect(service)).build();
    }
}
