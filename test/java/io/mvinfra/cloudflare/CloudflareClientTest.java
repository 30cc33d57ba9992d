package io.mvinfra.cloudflare;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static support.Fixtures.fixture;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.cloudflare.dns.CloudflareDnsRecord;
import io.mvinfra.cloudflare.dns.DnsRecordPatch;
import io.mvinfra.cloudflare.dns.DnsRecordRequest;
import io.mvinfra.cloudflare.lockdown.CloudflareLockdownRule;
import io.mvinfra.cloudflare.lockdown.LockdownConfiguration;
import io.mvinfra.cloudflare.lockdown.LockdownRuleRequest;
import io.mvinfra.cloudflare.zones.CloudflareZone;
import io.mvinfra.http.Auth;
import io.mvinfra.http.Json;
import io.mvinfra.http.ProviderCall;
import io.mvinfra.http.ProviderException;
import io.mvinfra.http.ProviderHttp;
import support.FakeTime;
import support.Stubs;
import support.TestHttp;

/** The Cloudflare operations as requests and answers ({@link CloudflareClient}), below any button. */
@WireMockTest
class CloudflareClientTest {

    private static final String ZONE = "023e105f4ecef8ad9ca31a8372d0c353";
    private static final String RECORDS = "/zones/" + ZONE + "/dns_records";
    private static final String LOCKDOWNS = "/zones/" + ZONE + "/firewall/lockdowns";
    private static final String TOKEN = "cf-client-token-5b1e0c93";

    private final FakeTime time = new FakeTime();
    private CloudflareClient cloudflare;

    @BeforeEach
    void client(WireMockRuntimeInfo wm) {
        ProviderHttp http = ProviderHttp.builder(TestHttp.runtime(time), wm.getHttpBaseUrl(), new CloudflareDialect())
                .auth(Auth.bearer(TOKEN)).build();
        cloudflare = new CloudflareClient(http);
    }

    @Test
    void listsZonesFiftyAtATimeUpToTheLastPage() {
        stubFor(get(urlPathEqualTo("/zones")).withQueryParam("page", absent()).willReturn(okJson(fixture("cloudflare/zones-page-1.json"))));
        stubFor(get(urlPathEqualTo("/zones")).withQueryParam("page", equalTo("2")).willReturn(okJson(fixture("cloudflare/zones-page-2.json"))));

        List<CloudflareZone> zones = cloudflare.zones().list();

        assertThat(zones).extracting(CloudflareZone::name).containsExactly("example.com", "example.org", "example.net");
        assertThat(zones.get(2).status()).isEqualTo("moved");
        verify(2, getRequestedFor(urlPathEqualTo("/zones")).withQueryParam("per_page", equalTo("50")));
    }

    @Test
    void listsAZonesRecordsWithTheLargestPageTheSpecAllows() {
        stubFor(get(urlPathEqualTo(RECORDS)).willReturn(okJson(fixture("cloudflare/dns-records-found.json"))));

        List<CloudflareDnsRecord> records = cloudflare.dnsRecords().list(ZONE);

        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("www.example.com");
            assertThat(r.ttl()).isEqualTo(3600);
            assertThat(r.proxiable()).isTrue();
        });
        verify(1, getRequestedFor(urlPathEqualTo(RECORDS)).withQueryParam("per_page", equalTo("5000000")));
    }

    @Test
    void listsLockdownRulesAThousandAtATimePagedByTheirTotalCount() {
        stubFor(get(urlPathEqualTo(LOCKDOWNS)).withQueryParam("page", absent()).willReturn(okJson(fixture("cloudflare/lockdowns-page-1.json"))));
        stubFor(get(urlPathEqualTo(LOCKDOWNS)).withQueryParam("page", equalTo("2")).willReturn(okJson(fixture("cloudflare/lockdowns-page-2.json"))));

        List<CloudflareLockdownRule> rules = cloudflare.lockdownRules().list(ZONE);

        assertThat(rules).hasSize(3);
        assertThat(rules.get(1).valuesOf(LockdownConfiguration.IP_RANGE)).containsExactly("198.51.100.0/24");
        assertThat(rules.get(2).priority()).isEqualTo(5);
        verify(2, getRequestedFor(urlPathEqualTo(LOCKDOWNS)).withQueryParam("per_page", equalTo("1000")));
    }

    @Test
    void findsTheIdenticalRecordByTypeNameAndContent() {
        stubFor(get(urlPathEqualTo(RECORDS)).willReturn(okJson(fixture("cloudflare/dns-records-found.json"))));
        DnsRecordRequest same = new DnsRecordRequest("A", "WWW.example.com", "192.0.2.10", null, 60, null, true, null, null);
        DnsRecordRequest other = new DnsRecordRequest("A", "www.example.com", "192.0.2.11", null, null, null, null, null, null);

        assertThat(cloudflare.dnsRecords().findIdentical(ZONE, same)).map(CloudflareDnsRecord::id).contains("372e67954025e0ba6aaa6d586b9e0b59");
        assertThat(cloudflare.dnsRecords().findIdentical(ZONE, other)).isEmpty();
        verify(getRequestedFor(urlPathEqualTo(RECORDS)).withQueryParam("type", equalTo("A"))
                .withQueryParam("name", equalTo("WWW.example.com")).withQueryParam("content", equalTo("192.0.2.10")));
    }

    @Test
    void findsAStructuredRecordByItsDataNotItsFormattedContent() throws Exception {
        stubFor(get(urlPathEqualTo(RECORDS)).willReturn(okJson("{\"success\": true, \"errors\": [], \"messages\": [], \"result\": ["
                + fixture("cloudflare/dns-record-srv.json").replaceAll("(?s)^.*\"result\": (\\{.*\\})\\s*}\\s*$", "$1")
                + "], \"result_info\": {\"page\": 1, \"per_page\": 100, \"count\": 1, \"total_count\": 1, \"total_pages\": 1}}")));
        DnsRecordRequest srv = new DnsRecordRequest("SRV", "_sip._tcp.example.com", null,
                Json.SNAKE_CASE.readTree("{\"port\": 5060, \"target\": \"sip.example.com\", \"weight\": 5, \"priority\": 10}"), null, null, null, null, null);

        assertThat(cloudflare.dnsRecords().findIdentical(ZONE, srv)).map(CloudflareDnsRecord::id).contains("9f1e2d3c4b5a69788796a5b4c3d2e1f0");
        verify(getRequestedFor(urlPathEqualTo(RECORDS)).withQueryParam("type", equalTo("SRV")).withQueryParam("content", absent()));
    }

    @Test
    void aCreateWhoseAnswerIsLostIsFoundRatherThanSentAgain() {
        stubFor(post(RECORDS).willReturn(aResponse().withStatus(503)));
        stubFor(get(urlPathEqualTo(RECORDS)).willReturn(okJson(fixture("cloudflare/dns-records-found.json"))));
        DnsRecordRequest www = new DnsRecordRequest("A", "www.example.com", "192.0.2.10", null, 3600, null, false, null, null);

        CloudflareDnsRecord created = cloudflare.dnsRecords().create(ZONE, www).send();

        assertThat(created.id()).isEqualTo("372e67954025e0ba6aaa6d586b9e0b59");
        verify(1, postRequestedFor(urlEqualTo(RECORDS)).withRequestBody(equalToJson(fixture("cloudflare/dns-record-create-request.json"))));
    }

    @Test
    void aPatchSetsValuesSoARateLimitedOneIsSentAgain() {
        String record = RECORDS + "/372e67954025e0ba6aaa6d586b9e0b59";
        Stubs.inTurn(() -> patch(urlEqualTo(record)), aResponse().withStatus(429).withHeader("Retry-After", "2"),
                okJson(fixture("cloudflare/dns-record-ttl-300.json")));

        CloudflareDnsRecord updated = cloudflare.dnsRecords().update(ZONE, "372e67954025e0ba6aaa6d586b9e0b59",
                new DnsRecordPatch(null, null, null, 300, null, null, null, null)).send();

        assertThat(updated.ttl()).isEqualTo(300);
        assertThat(time.slept().toSeconds()).isGreaterThanOrEqualTo(2);
        verify(2, patchRequestedFor(urlEqualTo(record)).withRequestBody(equalToJson("{\"ttl\": 300}")));
    }

    @Test
    void aChangeIsDescribedWithoutItsCredentialAndNotSent(WireMockRuntimeInfo wm) {
        ProviderCall<CloudflareLockdownRule> create = cloudflare.lockdownRules().create(ZONE, new LockdownRuleRequest(List.of("example.com/admin*"),
                List.of(LockdownConfiguration.ip("198.51.100.4")), "Admin", false, null));

        String described = create.describe();

        assertThat(described).isEqualTo("POST " + wm.getHttpBaseUrl() + LOCKDOWNS + " {\"urls\":[\"example.com/admin*\"],"
                + "\"configurations\":[{\"target\":\"ip\",\"value\":\"198.51.100.4\"}],\"description\":\"Admin\",\"paused\":false}");
        assertThat(described).doesNotContain(TOKEN).doesNotContain("Authorization");
        verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void saysWhichRefusalsMeanAlreadyThereAndAlreadyGone() {
        assertThat(CloudflareDialect.isAlreadyExists(refusal(400, "error-record-exists.json"))).isTrue();
        assertThat(CloudflareDialect.isAlreadyExists(refusal(400, "error-record-same-settings.json"))).isTrue();
        assertThat(CloudflareDialect.isAlreadyExists(refusal(400, "error-record-host-taken.json"))).as("another type on the host").isFalse();
        assertThat(refusal(404, "error-record-not-found.json").is(ProviderException.Kind.NOT_FOUND)).isTrue();
        assertThat(refusal(400, "error-no-route.json").is(ProviderException.Kind.NOT_FOUND)).as("a malformed id is no proof").isFalse();
        assertThat(refusal(404, "error-no-route.json").is(ProviderException.Kind.NOT_FOUND)).isFalse();
    }

    private ProviderException refusal(int status, String fixture) {
        stubFor(get(RECORDS + "/372e67954025e0ba6aaa6d586b9e0b59").willReturn(aResponse().withStatus(status).withBody(fixture("cloudflare/" + fixture))));
        return catchThrowableOfType(ProviderException.class, () -> cloudflare.dnsRecords().get(ZONE, "372e67954025e0ba6aaa6d586b9e0b59"));
    }
}
