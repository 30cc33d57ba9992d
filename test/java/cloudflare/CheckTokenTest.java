package cloudflare;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static support.Fixtures.fixture;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.host.runtime.AuditEntry.Outcome;
import io.mvinfra.host.runtime.PressResult;
import support.Stubs;

/** DomainName → "Check token validity" ({@link CheckToken}). */
@WireMockTest
class CheckTokenTest {

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
    void saysTheTokenIsActiveAndUntilWhen() {
        stubFor(get(VERIFY).willReturn(okJson(fixture("cloudflare/token-active.json"))));

        PressResult result = cf.press("DomainName", CHECK, cf.domain);

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).isEqualTo("The Cloudflare API token of cf-main is active (token id ed17574386854bf78a67040be0a770b0,"
                + " expires 2027-01-01T00:00:00Z, valid from 2018-07-01T05:20:00Z)");
        verify(getRequestedFor(urlEqualTo(VERIFY)).withHeader("Authorization", equalTo("Bearer " + Testbed.TOKEN)));
    }

    @Test
    void aDisabledTokenFailsThePress() {
        stubFor(get(VERIFY).willReturn(okJson(fixture("cloudflare/token-disabled.json"))));

        PressResult result = cf.press("DomainName", CHECK, cf.domain);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).isEqualTo("The Cloudflare API token of cf-main is disabled (token id ed17574386854bf78a67040be0a770b0, no expiry)");
    }

    @Test
    void aTokenCloudflareDoesNotKnowIsSaidInItsWords() {
        stubFor(get(VERIFY).willReturn(aResponse().withStatus(401).withBody(fixture("cloudflare/error-invalid-token.json"))));

        PressResult result = cf.press("DomainName", CHECK, cf.domain);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).isEqualTo("Cloudflare refused the request (HTTP 401, 1000): Invalid API Token");
    }

    @Test
    void aGlobalKeyIsNotSentToTheTokenCheck() {
        String key = cf.create("Credential", Map.of("authenticationType", "CLOUDFLARE_GLOBAL_KEY", "username", "ops@example.com",
                "apiKey", "c2547eb745079dac9320b638f5e225cf483cc5cfdda41"));
        cf.update("ServiceProvider", cf.provider, "credential", key);

        PressResult result = cf.press("DomainName", CHECK, cf.domain);

        assertThat(result.message()).isEqualTo("ServiceProvider cf-main signs with a CLOUDFLARE_GLOBAL_KEY credential:"
                + " Cloudflare verifies API tokens (CLOUDFLARE_API_TOKEN) only");
        verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aRateLimitedCheckIsAskedAgain() {
        Stubs.inTurn(() -> get(VERIFY), aResponse().withStatus(429).withHeader("Retry-After", "0")
                .withBody(fixture("cloudflare/error-rate-limited.json")), okJson(fixture("cloudflare/token-active.json")));

        PressResult result = cf.press("DomainName", CHECK, cf.domain);

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
        verify(2, getRequestedFor(urlEqualTo(VERIFY)));
    }
}
