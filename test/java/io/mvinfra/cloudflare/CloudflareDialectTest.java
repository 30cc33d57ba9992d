package io.mvinfra.cloudflare;

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
class CloudflareDialectTest {

    private static final String RECORDS = "/zones/023e105f4ecef8ad9ca31a8372d0c353/dns_records";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DnsRecord(String id, String type, String name, String content) {
    }

    private ProviderHttp cloudflare;

    @BeforeEach
    void client(WireMockRuntimeInfo wm) {
        cloudflare = ProviderHttp.builder(TestHttp.runtime(new FakeTime()), wm.getHttpBaseUrl(), new CloudflareDialect()).build();
    }

    @ParameterizedTest(name = "{0} (HTTP {1}) is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            error-record-exists.json                | 400 | CONFLICT   | 81057       | Record already exists.
            error-invalid-authorization-header.json | 400 | AUTH       | 6003 6111   | Invalid request headers (Invalid format for Authorization header)
            error-authentication.json               | 403 | AUTH       | 10000       | Authentication error
            error-token-not-allowed.json            | 403 | FORBIDDEN  | 9109        | Unauthorized to access requested resource
            error-dns-validation.json               | 400 | VALIDATION | 1004 9003   | DNS Validation Error (Invalid 'proxied' value, must be a boolean)
            error-no-route.json                     | 400 | VALIDATION | 7003 7000   | Could not route to /zones/nope/dns_records, perhaps your object identifier is invalid?; No route for that URI
            """)
    void mapsEachErrorShapeWithCloudflaresCodes(String fixture, int status, Kind kind, String codes, String message) {
        stubFor(get(urlPathEqualTo(RECORDS)).willReturn(aResponse().withStatus(status).withHeader("cf-ray", "8c7d1e2f3a4b5c6d-CDG")
                .withHeader("Content-Type", "application/json").withBody(fixture("cloudflare/" + fixture))));

        ProviderException e = catchThrowableOfType(ProviderException.class, () -> cloudflare.get(RECORDS).send());

        assertThat(e.provider()).isEqualTo("cloudflare");
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.httpStatus()).isEqualTo(status);
        assertThat(e.providerCodes()).containsExactly(codes.split(" "));
        assertThat(e.providerMessage()).isEqualTo(message);
        assertThat(e.requestId()).isEqualTo("8c7d1e2f3a4b5c6d-CDG");
    }

    @Test
    void messageReadsAsIsForAnOperator() {
        stubFor(get(urlPathEqualTo(RECORDS)).willReturn(aResponse().withStatus(400).withHeader("cf-ray", "8c7d1e2f3a4b5c6d-CDG")
                .withBody(fixture("cloudflare/error-record-exists.json"))));

        ProviderException e = catchThrowableOfType(ProviderException.class, () -> cloudflare.get(RECORDS).send());

        assertThat(e.getMessage()).isEqualTo(
                "cloudflare refused the request (HTTP 400, 81057): Record already exists. [request id 8c7d1e2f3a4b5c6d-CDG]");
    }

    @Test
    void rateLimitedIsRateLimitedWithCode971() {
        stubFor(get(urlPathEqualTo(RECORDS)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")
                .withBody(fixture("cloudflare/error-rate-limited.json"))));

        ProviderException e = catchThrowableOfType(ProviderException.class, () -> cloudflare.get(RECORDS).send());

        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(e.providerCode()).isEqualTo("971");
    }

    @Test
    void anHtmlPageFromTheEdgeBecomesItsText() {
        stubFor(get(urlPathEqualTo(RECORDS)).willReturn(aResponse().withStatus(502).withHeader("Content-Type", "text/html")
                .withBody(fixture("cloudflare/error-bad-gateway.html"))));

        ProviderException e = catchThrowableOfType(ProviderException.class, () -> cloudflare.get(RECORDS).send());

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.providerCodes()).isEmpty();
        assertThat(e.providerMessage()).isEqualTo("502 Bad Gateway cloudflare");
    }

    @Test
    void followsResultInfoPageByPageUntilTotalPages() {
        for (int page = 1; page <= 3; page++) {
            stubFor(get(urlPathEqualTo(RECORDS)).withQueryParam("page", page == 1 ? absent() : equalTo(String.valueOf(page)))
                    .withQueryParam("per_page", equalTo("2"))
                    .willReturn(okJson(fixture("cloudflare/dns-records-page-" + page + ".json"))));
        }

        List<DnsRecord> records = cloudflare.get(RECORDS).query("per_page", 2).list(DnsRecord.class);

        assertThat(records).extracting(DnsRecord::name)
                .containsExactly("www.example.com", "api.example.com", "example.com", "example.com", "mail.example.com");
        verify(3, getRequestedFor(urlPathEqualTo(RECORDS)));
    }

    @Test
    void withoutTotalPagesTheTotalCountSaysWhenToStop() {
        stubFor(get(urlPathEqualTo(RECORDS)).withQueryParam("page", absent()).willReturn(okJson(
                fixture("cloudflare/dns-records-page-1.json").replace(", \"total_pages\": 3", ""))));
        stubFor(get(urlPathEqualTo(RECORDS)).withQueryParam("page", equalTo("2")).willReturn(okJson(
                fixture("cloudflare/dns-records-page-2.json").replace(", \"total_pages\": 3", "").replace("\"total_count\": 5", "\"total_count\": 4"))));

        List<DnsRecord> records = cloudflare.get(RECORDS).list(DnsRecord.class);

        assertThat(records).hasSize(4);
        verify(2, getRequestedFor(urlPathEqualTo(RECORDS)));
    }

    @Test
    void singleRecordIsReadFromTheResultEnvelope() {
        stubFor(get(urlPathEqualTo(RECORDS + "/372e67954025e0ba6aaa6d586b9e0b59")).willReturn(okJson(fixture("cloudflare/dns-record.json"))));

        DnsRecord record = cloudflare.get("zones/{zone}/dns_records/{id}", "023e105f4ecef8ad9ca31a8372d0c353",
                "372e67954025e0ba6aaa6d586b9e0b59").read(DnsRecord.class);

        assertThat(record).isEqualTo(new DnsRecord("372e67954025e0ba6aaa6d586b9e0b59", "A", "www.example.com", "192.0.2.10"));
    }
}
