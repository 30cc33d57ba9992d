package io.mvinfra.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static support.Fixtures.fixture;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.cloudflare.CloudflareDialect;
import io.mvinfra.http.ProviderException.Kind;
import support.FakeTime;
import support.Stubs;
import support.TestHttp;

/** A create is sent once; when its outcome is in doubt, the resource is looked up before any second send. */
@WireMockTest
class CreateTest {

    private static final String RECORDS = "/zones/023e105f4ecef8ad9ca31a8372d0c353/dns_records";
    private static final String ZONE = "023e105f4ecef8ad9ca31a8372d0c353";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DnsRecord(String id, String type, String name, String content, int ttl, boolean proxied) {
    }

    record NewDnsRecord(String type, String name, String content, int ttl, boolean proxied) {
    }

    private final FakeTime time = new FakeTime();
    private final NewDnsRecord request = new NewDnsRecord("A", "www.example.com", "192.0.2.10", 3600, false);
    private final AtomicInteger lookups = new AtomicInteger();
    private ProviderHttp cloudflare;

    @BeforeEach
    void client(WireMockRuntimeInfo wm) {
        // TestHttp's 2 s read timeout: ample for a normal answer on a loaded machine, short against the 4 s delays here.
        cloudflare = ProviderHttp.builder(TestHttp.runtime(time), wm.getHttpBaseUrl(), new CloudflareDialect())
                .auth(Auth.bearer("cf-token")).build();
    }

    @Test
    void postIsNotResentAfterTimeoutWhenLookupFindsIt() {
        stubFor(post(RECORDS).willReturn(okJson(fixture("cloudflare/dns-record.json")).withFixedDelay(4000)));
        stubFor(get(urlPathEqualTo(RECORDS)).willReturn(okJson(fixture("cloudflare/dns-records-found.json"))));

        DnsRecord created = create();

        assertThat(created.id()).isEqualTo("372e67954025e0ba6aaa6d586b9e0b59");
        assertThat(lookups).hasValue(1);
        verify(1, postRequestedFor(urlEqualTo(RECORDS))
                .withRequestBody(equalToJson(fixture("cloudflare/dns-record-create-request.json"))));
    }

    @Test
    void postIsResentOnceAfterTimeoutWhenLookupFindsNothing() {
        Stubs.inTurn(() -> post(RECORDS), okJson(fixture("cloudflare/dns-record.json")).withFixedDelay(4000),
                okJson(fixture("cloudflare/dns-record.json")));
        stubFor(get(urlPathEqualTo(RECORDS)).willReturn(okJson(fixture("cloudflare/dns-records-none.json"))));

        DnsRecord created = create();

        assertThat(created.name()).isEqualTo("www.example.com");
        assertThat(lookups).hasValue(1);
        verify(2, postRequestedFor(urlEqualTo(RECORDS)));
    }

    @Test
    void unavailableCreateIsLookedUpBeforeBeingSentAgain() {
        Stubs.inTurn(() -> post(RECORDS), aResponse().withStatus(503), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                okJson(fixture("cloudflare/dns-record.json")));
        stubFor(get(urlPathEqualTo(RECORDS)).willReturn(okJson(fixture("cloudflare/dns-records-none.json"))));

        create();

        assertThat(lookups).hasValue(2);
        verify(3, postRequestedFor(urlEqualTo(RECORDS)));
        verify(2, getRequestedFor(urlPathEqualTo(RECORDS)));
    }

    @Test
    void refusedCreateIsNeitherLookedUpNorSentAgain() {
        stubFor(post(RECORDS).willReturn(aResponse().withStatus(400).withBody(fixture("cloudflare/error-record-exists.json"))));

        assertThatThrownBy(this::create).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.CONFLICT);
            assertThat(e.providerCode()).isEqualTo("81057");
        });
        assertThat(lookups).hasValue(0);
        verify(1, postRequestedFor(urlEqualTo(RECORDS)));
    }

    @Test
    void failingLookupStopsTheCreateWithoutSendingItAgain() {
        stubFor(post(RECORDS).willReturn(aResponse().withStatus(503)));
        stubFor(get(urlPathEqualTo(RECORDS)).willReturn(aResponse().withStatus(500)));

        assertThatThrownBy(this::create).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.PROVIDER_ERROR);
            assertThat(e.getSuppressed()).singleElement()
                    .satisfies(original -> assertThat(((ProviderException) original).httpStatus()).isEqualTo(503));
        });
        verify(1, postRequestedFor(urlEqualTo(RECORDS)));
    }

    @Test
    void createThatNeverSucceedsGivesUpAfterTheLastAttempt() {
        stubFor(post(RECORDS).willReturn(aResponse().withStatus(503)));
        stubFor(get(urlPathEqualTo(RECORDS)).willReturn(okJson(fixture("cloudflare/dns-records-none.json"))));

        assertThatThrownBy(this::create).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE));

        int attempts = TestHttp.settings().maxAttempts();
        verify(attempts, postRequestedFor(urlEqualTo(RECORDS)));
        assertThat(lookups).hasValue(attempts - 1);
    }

    @Test
    void plainPostTimingOutIsReportedNotResent() {
        stubFor(post(RECORDS).willReturn(okJson(fixture("cloudflare/dns-record.json")).withFixedDelay(4000)));

        assertThatThrownBy(() -> cloudflare.post("zones/{zone}/dns_records", ZONE).body(request).send())
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
                    assertThat(e.getMessage()).contains("no answer to POST").contains("read 2 s,");
                });
        verify(1, postRequestedFor(urlEqualTo(RECORDS)));
    }

    private DnsRecord create() {
        return cloudflare.post("zones/{zone}/dns_records", ZONE).body(request).create(DnsRecord.class, this::findRecord);
    }

    /** What a real client would do: the record with this type, name and content, if any. */
    private Optional<DnsRecord> findRecord() {
        lookups.incrementAndGet();
        List<DnsRecord> found = cloudflare.get("zones/{zone}/dns_records", ZONE)
                .query("type", request.type()).query("name", request.name()).query("content", request.content())
                .list(DnsRecord.class);
        return found.stream().filter(r -> r.name().equals(request.name())).findFirst();
    }
}
