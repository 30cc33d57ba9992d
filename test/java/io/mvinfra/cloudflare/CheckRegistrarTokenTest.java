package io.mvinfra.cloudflare;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
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

/** DomainName → "Check token validity" ({@link CheckRegistrarToken}): the registrar's credential, checked and recorded. */
@WireMockTest
class CheckRegistrarTokenTest {

    private static final String CHECK = "checkCloudflareToken";
    private static final String VERIFY = "/user/tokens/verify";

    private Testbed cf;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        cf = Testbed.at(wm.getHttpBaseUrl());
    }

    @AfterEach
    void close() {
        cf.close();
    }

    @Test
    void showsAndRecordsThatTheTokenIsValidUntilItsExpiry() {
        stubFor(get(VERIFY).willReturn(okJson(fixture("cloudflare/token-active.json"))));

        PressResult result = cf.press("DomainName", CHECK, cf.domain);

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).isEqualTo("Token of cf-main: VALID (token active until 2027-01-01T00:00:00Z)");
        assertThat(cf.entity("Credential", cf.credential).values()).containsEntry("status", "VALID").containsKey("lastConnection");
        verify(getRequestedFor(urlEqualTo(VERIFY)).withHeader("Authorization", equalTo("Bearer " + Testbed.TOKEN)));
    }

    @Test
    void aDisabledTokenIsRecordedInvalid() {
        stubFor(get(VERIFY).willReturn(okJson(fixture("cloudflare/token-active.json").replace("\"active\"", "\"disabled\""))));

        PressResult result = cf.press("DomainName", CHECK, cf.domain);

        assertThat(result.message()).isEqualTo("Token of cf-main: INVALID (Cloudflare says the token is disabled)");
        assertThat(cf.field("Credential", cf.credential, "status")).isEqualTo("INVALID");
    }

    @Test
    void aTokenCloudflareRefusesIsRecordedInvalidInItsWords() {
        stubFor(get(VERIFY).willReturn(aResponse().withStatus(401).withBody(fixture("cloudflare/error-invalid-token.json"))));

        PressResult result = cf.press("DomainName", CHECK, cf.domain);

        assertThat(result.message()).isEqualTo("Token of cf-main: INVALID (cloudflare refused the request (HTTP 401, 1000): Invalid API Token)");
        assertThat(cf.field("Credential", cf.credential, "status")).isEqualTo("INVALID");
        assertThat(result.message()).doesNotContain(Testbed.TOKEN);
    }

    @Test
    void aRateLimitedCheckIsAskedAgain() {
        Stubs.inTurn(() -> get(VERIFY), aResponse().withStatus(429).withHeader("Retry-After", "0")
                .withBody(fixture("cloudflare/error-rate-limited.json")), okJson(fixture("cloudflare/token-active.json")));

        PressResult result = cf.press("DomainName", CHECK, cf.domain);

        assertThat(result.message()).startsWith("Token of cf-main: VALID");
        verify(2, getRequestedFor(urlEqualTo(VERIFY)));
    }

    @Test
    void anUnreachableCloudflareLeavesTheStatusAsItWas() {
        cf.update("Credential", cf.credential, "status", "VALID", "lastConnection", Instant.parse("2026-01-01T00:00:00Z"));
        stubFor(get(VERIFY).willReturn(aResponse().withStatus(500).withBody(fixture("cloudflare/error-internal.html"))));

        PressResult result = cf.press("DomainName", CHECK, cf.domain);

        assertThat(result.message()).startsWith("Token of cf-main: not checked (check failed, status unchanged:");
        assertThat(cf.field("Credential", cf.credential, "status")).isEqualTo("VALID");
    }
}
