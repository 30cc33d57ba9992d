package io.mvinfra.cloudflare;

import static io.mvinfra.cloudflare.Testbed.RECORDS;
import static io.mvinfra.cloudflare.Testbed.RECORD_ID;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static support.Fixtures.fixture;

import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.host.runtime.AuditEntry.Outcome;
import io.mvinfra.host.runtime.PressResult;
import support.Stubs;

/** DnsRecord → "Create on Cloudflare" ({@link CreateDnsRecord}). */
@WireMockTest
class CreateDnsRecordTest {

    private static final String CREATE = "createCloudflareDnsRecord";
    private static final String WWW_A = "{\"type\": \"A\", \"name\": \"www.example.com\", \"content\": \"192.0.2.10\", \"ttl\": 3600, \"proxied\": false}";

    private Testbed cf;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        cf = Testbed.at(wm.getHttpBaseUrl());
    }

    @AfterEach
    void close() {
        cf.close();
    }

    private String www() {
        return cf.dnsRecord("name", "www", "recordType", "A", "value", "192.0.2.10", "ttl", 3600L);
    }

    @Test
    void createsTheRecordAndKeepsCloudflaresAnswer() {
        stubFor(post(RECORDS).willReturn(okJson(fixture("cloudflare/dns-record.json"))));
        String www = www();

        PressResult result = cf.press("DnsRecord", CREATE, www);

        assertThat(result.message()).isEqualTo("DNS record www.example.com created (id " + RECORD_ID + ")");
        assertThat(cf.entity("DnsRecord", www).values())
                .containsEntry("providerSideId", RECORD_ID)
                .containsEntry("name", "www.example.com")
                .containsEntry("proxiable", true)
                .containsEntry("isLocked", false)
                .containsEntry("creationDate", Instant.parse("2024-03-04T10:11:12.123456Z"))
                .containsEntry("modifiedDate", Instant.parse("2024-03-04T10:11:12.123456Z"))
                .containsKey("lastSyncDate");
        verify(postRequestedFor(urlEqualTo(RECORDS))
                .withHeader("Authorization", equalTo("Bearer " + Testbed.TOKEN))
                .withRequestBody(equalToJson(WWW_A)));
    }

    @Test
    void dryRunShowsTheExactRequestAndSendsNothing(WireMockRuntimeInfo wm) {
        String www = www();
        long version = cf.entity("DnsRecord", www).version();

        PressResult result = cf.dryRun("DnsRecord", CREATE, www);

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).isEqualTo("Dry run: POST " + wm.getHttpBaseUrl() + RECORDS
                + " {\"type\":\"A\",\"name\":\"www.example.com\",\"content\":\"192.0.2.10\",\"ttl\":3600,\"proxied\":false}");
        assertThat(result.message()).doesNotContain(Testbed.TOKEN);
        assertThat(cf.entity("DnsRecord", www).version()).isEqualTo(version);
        verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void refusesTtlOfFiveSecondsNamingTheField() {
        String www = cf.dnsRecord("name", "www", "recordType", "A", "value", "192.0.2.10", "ttl", 5L);

        PressResult result = cf.press("DnsRecord", CREATE, www);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).isEqualTo("DnsRecord.ttl: must be 1 (automatic) or 60 to 86400 seconds, is 5");
        verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void refusesANameInAnotherDomain() {
        String other = cf.dnsRecord("name", "www.example.org", "recordType", "A", "value", "192.0.2.10");

        PressResult result = cf.press("DnsRecord", CREATE, other);

        assertThat(result.message()).isEqualTo("DnsRecord.name: www.example.org is not in example.com:"
                + " give a bare label (www) or a name ending in .example.com");
        verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void refusesANameLongerThan255CharactersWithTheDomain() {
        String label = "_" + "a".repeat(59);
        String service = String.join(".", label, label, label, label, "_bb");
        String record = cf.dnsRecord("name", service, "recordType", "TXT", "value", "hello");

        PressResult result = cf.press("DnsRecord", CREATE, record);

        assertThat(result.message()).isEqualTo("DnsRecord.name: must be at most 255 characters with the domain, is 259");
        verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void refusesAnAValueThatIsNoIpv4Address() {
        String record = cf.dnsRecord("name", "www", "recordType", "A", "value", "2001:db8::10");

        PressResult result = cf.press("DnsRecord", CREATE, record);

        assertThat(result.message()).isEqualTo("DnsRecord.value: must be an IPv4 address (e.g. 192.0.2.10), is '2001:db8::10'");
    }

    @Test
    void refusesACnameThatIsNoHostName() {
        String record = cf.dnsRecord("name", "shop", "recordType", "CNAME", "value", "not a host");

        PressResult result = cf.press("DnsRecord", CREATE, record);

        assertThat(result.message()).isEqualTo("DnsRecord.value: must be the host name this name is an alias of, is 'not a host'");
    }

    @Test
    void refusesAnMxRecordWithoutPriority() {
        String record = cf.dnsRecord("name", "@", "recordType", "MX", "value", "mail.example.com");

        PressResult result = cf.press("DnsRecord", CREATE, record);

        assertThat(result.message()).isEqualTo("DnsRecord.priority: is required for type MX: 0 to 65535, lower is preferred");
    }

    @Test
    void refusesToProxyATxtRecord() {
        String record = cf.dnsRecord("name", "@", "recordType", "TXT", "value", "v=spf1 -all", "proxied", true);

        PressResult result = cf.press("DnsRecord", CREATE, record);

        assertThat(result.message()).isEqualTo("DnsRecord.proxied: only A, AAAA and CNAME records can be proxied by Cloudflare, this one is TXT");
    }

    @Test
    void refusesAnSrvRecordWithoutItsData() {
        String record = cf.dnsRecord("name", "_sip._tcp", "recordType", "SRV", "priority", 10L);

        PressResult result = cf.press("DnsRecord", CREATE, record);

        assertThat(result.message()).isEqualTo("DnsRecord.data: is required for type SRV: a JSON object with port, target, weight"
                + " (its priority comes from the priority field)");
    }

    @Test
    void namesEveryProblemAtOnce() {
        String record = cf.dnsRecord("name", "www", "recordType", "A", "value", "300.1.2.3", "ttl", 30L);

        PressResult result = cf.press("DnsRecord", CREATE, record);

        assertThat(result.message()).isEqualTo("DnsRecord.ttl: must be 1 (automatic) or 60 to 86400 seconds, is 30; "
                + "DnsRecord.value: must be an IPv4 address (e.g. 192.0.2.10), is '300.1.2.3'");
    }

    @Test
    void sendsAnSrvRecordAsDataWithItsPriority() {
        stubFor(post(RECORDS).willReturn(okJson(fixture("cloudflare/dns-record-srv.json"))));
        String record = cf.dnsRecord("name", "_sip._tcp", "recordType", "SRV", "priority", 10L, "ttl", 3600L,
                "data", "{\"weight\": 5, \"port\": 5060, \"target\": \"SIP.example.com.\"}");

        PressResult result = cf.press("DnsRecord", CREATE, record);

        assertThat(result.message()).isEqualTo("DNS record _sip._tcp.example.com created (id 9f1e2d3c4b5a69788796a5b4c3d2e1f0)");
        assertThat(cf.field("DnsRecord", record, "value")).isEqualTo("5 5060 sip.example.com");
        verify(postRequestedFor(urlEqualTo(RECORDS)).withRequestBody(equalToJson("{\"type\": \"SRV\", \"name\": \"_sip._tcp.example.com\","
                + " \"data\": {\"weight\": 5, \"port\": 5060, \"target\": \"sip.example.com\", \"priority\": 10}, \"ttl\": 3600}")));
    }

    @Test
    void adoptsTheIdenticalRecordWhenCloudflareSaysItExists() {
        stubFor(post(RECORDS).willReturn(aResponse().withStatus(400).withBody(fixture("cloudflare/error-record-exists.json"))));
        stubFor(get(urlPathEqualTo(RECORDS)).willReturn(okJson(fixture("cloudflare/dns-records-found.json"))));
        String www = www();

        PressResult result = cf.press("DnsRecord", CREATE, www);

        assertThat(result.message()).isEqualTo("DNS record www.example.com already existed at Cloudflare (81057): adopted (id " + RECORD_ID + ")");
        assertThat(cf.field("DnsRecord", www, "providerSideId")).isEqualTo(RECORD_ID);
        verify(1, postRequestedFor(urlEqualTo(RECORDS)));
        verify(getRequestedFor(urlPathEqualTo(RECORDS)).withQueryParam("type", equalTo("A"))
                .withQueryParam("name", equalTo("www.example.com")).withQueryParam("content", equalTo("192.0.2.10")));
    }

    @Test
    void adoptsTheRecordWithTheSameSettings() {
        stubFor(post(RECORDS).willReturn(aResponse().withStatus(400).withBody(fixture("cloudflare/error-record-same-settings.json"))));
        stubFor(get(urlPathEqualTo(RECORDS)).willReturn(okJson(fixture("cloudflare/dns-records-found.json"))));
        String www = www();

        PressResult result = cf.press("DnsRecord", CREATE, www);

        assertThat(result.message()).contains("already existed at Cloudflare (81058): adopted");
        assertThat(cf.field("DnsRecord", www, "providerSideId")).isEqualTo(RECORD_ID);
        verify(1, postRequestedFor(urlEqualTo(RECORDS)));
    }

    @Test
    void doesNotAdoptARecordAnotherEntityTracks() {
        stubFor(post(RECORDS).willReturn(aResponse().withStatus(400).withBody(fixture("cloudflare/error-record-exists.json"))));
        stubFor(get(urlPathEqualTo(RECORDS)).willReturn(okJson(fixture("cloudflare/dns-records-found.json"))));
        String tracking = cf.dnsRecord("name", "www.example.com", "recordType", "A", "value", "192.0.2.10", "providerSideId", RECORD_ID);
        String www = www();

        PressResult result = cf.press("DnsRecord", CREATE, www);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).contains("DnsRecord " + tracking + " tracks it");
        assertThat(cf.field("DnsRecord", www, "providerSideId")).isNull();
    }

    @Test
    void aRecordOfAnotherTypeOnTheSameHostIsCloudflaresRefusal() {
        stubFor(post(RECORDS).willReturn(aResponse().withStatus(400).withBody(fixture("cloudflare/error-record-host-taken.json"))));
        String www = www();

        PressResult result = cf.press("DnsRecord", CREATE, www);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).startsWith("Cloudflare refused the request (HTTP 400, 81053): An A, AAAA, or CNAME record with that host already exists.");
        assertThat(cf.field("DnsRecord", www, "providerSideId")).isNull();
        verify(0, getRequestedFor(urlPathEqualTo(RECORDS)));
    }

    @Test
    void showsCloudflaresRefusalInItsWords() {
        stubFor(post(RECORDS).willReturn(aResponse().withStatus(400).withHeader("cf-ray", "8c7d2e1f0a9b-CDG")
                .withBody(fixture("cloudflare/error-dns-content-invalid.json"))));
        String www = www();

        PressResult result = cf.press("DnsRecord", CREATE, www);

        assertThat(result.message()).isEqualTo("Cloudflare refused the request (HTTP 400, 9005): Content for A record is invalid."
                + " Must be a valid IPv4 address [request id 8c7d2e1f0a9b-CDG]");
    }

    @Test
    void rejectedTokenIsSaidAsSuch() {
        stubFor(post(RECORDS).willReturn(aResponse().withStatus(403).withBody(fixture("cloudflare/error-authentication.json"))));
        String www = www();

        PressResult result = cf.press("DnsRecord", CREATE, www);

        assertThat(result.message()).isEqualTo("Cloudflare refused the request (HTTP 403, 10000): Authentication error");
        assertThat(result.message()).doesNotContain(Testbed.TOKEN);
    }

    @Test
    void rateLimitedCreateIsLookedUpThenSentAgain() {
        Stubs.inTurn(() -> post(RECORDS), aResponse().withStatus(429).withHeader("Retry-After", "0")
                .withBody(fixture("cloudflare/error-rate-limited.json")), okJson(fixture("cloudflare/dns-record.json")));
        stubFor(get(urlPathEqualTo(RECORDS)).willReturn(okJson(fixture("cloudflare/dns-records-none.json"))));
        String www = www();

        PressResult result = cf.press("DnsRecord", CREATE, www);

        assertThat(result.message()).isEqualTo("DNS record www.example.com created (id " + RECORD_ID + ")");
        verify(2, postRequestedFor(urlEqualTo(RECORDS)).withRequestBody(equalToJson(WWW_A)));
        verify(1, getRequestedFor(urlPathEqualTo(RECORDS)));
    }

    @Test
    void refusesADomainNotLinkedToItsZone() {
        String unlinked = cf.create("DomainName", java.util.Map.of("name", "example.net", "registrar", cf.provider));
        String record = cf.create("DnsRecord", java.util.Map.of("domainName", unlinked, "name", "www", "recordType", "A", "value", "192.0.2.10"));

        PressResult result = cf.press("DnsRecord", CREATE, record);

        assertThat(result.message()).isEqualTo("Domain example.net has no Cloudflare zone id yet: press 'List Cloudflare domains' to link it");
        verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void theButtonIsNotOfferedOnceTheRecordExists() {
        String created = cf.dnsRecord("name", "www.example.com", "recordType", "A", "value", "192.0.2.10", "providerSideId", RECORD_ID);

        PressResult result = cf.press("DnsRecord", CREATE, created);

        assertThat(result.outcome()).isEqualTo(Outcome.REFUSED);
        verify(0, anyRequestedFor(anyUrl()));
    }
}
