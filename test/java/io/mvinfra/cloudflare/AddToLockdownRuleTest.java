package io.mvinfra.cloudflare;

import static io.mvinfra.cloudflare.Testbed.LOCKDOWNS;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.host.runtime.AuditEntry.Outcome;
import io.mvinfra.host.runtime.PressResult;
import support.Stubs;

/** DnsRecord → "Add to lockdown rule" ({@link AddToLockdownRule}). */
@WireMockTest
class AddToLockdownRuleTest {

    private static final String ADD = "addToCloudflareLockdownRule";
    private static final String RULE_ID = "372e67954025e0ba6aaa6d586b9e0b59";
    private static final String RULE = LOCKDOWNS + "/" + RULE_ID;
    private static final String UPDATED = "{\"success\": true, \"errors\": [], \"messages\": [], \"result\": {\"id\": \"" + RULE_ID + "\","
            + " \"created_on\": \"2024-03-04T10:11:12Z\", \"modified_on\": \"2024-03-06T08:00:00Z\", \"paused\": false,"
            + " \"description\": \"Admin from the office\", \"urls\": [\"example.com/admin*\", \"www.example.com/*\"],"
            + " \"configurations\": [{\"target\": \"ip\", \"value\": \"198.51.100.4\"}, {\"target\": \"ip\", \"value\": \"192.0.2.10\"}]}}";

    private Testbed cf;
    private String www;
    private String admin;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        cf = Testbed.at(wm.getHttpBaseUrl());
        www = cf.dnsRecord("name", "www.example.com", "recordType", "A", "value", "192.0.2.10", "providerSideId", Testbed.RECORD_ID);
        admin = cf.lockdownRule("urls", List.of("example.com/admin*"), "ips", List.of("198.51.100.4"),
                "description", "Admin from the office", "providerSideId", RULE_ID);
    }

    @AfterEach
    void close() {
        cf.close();
    }

    @Test
    void addsTheHostAndTheAddressThenUpdatesTheRule() {
        stubFor(put(urlEqualTo(RULE)).willReturn(okJson(UPDATED)));

        PressResult result = cf.press("DnsRecord", ADD, www);

        assertThat(result.message()).isEqualTo("Lockdown rule 'Admin from the office' now lets 192.0.2.10 through to www.example.com/* (id " + RULE_ID + ")");
        assertThat(cf.entity("LockdownRule", admin).values())
                .containsEntry("urls", List.of("example.com/admin*", "www.example.com/*"))
                .containsEntry("ips", List.of("198.51.100.4", "192.0.2.10"));
        verify(putRequestedFor(urlEqualTo(RULE)).withRequestBody(equalToJson("{\"urls\": [\"example.com/admin*\", \"www.example.com/*\"],"
                + " \"configurations\": [{\"target\": \"ip\", \"value\": \"198.51.100.4\"}, {\"target\": \"ip\", \"value\": \"192.0.2.10\"}],"
                + " \"description\": \"Admin from the office\", \"paused\": false}")));
    }

    @Test
    void takesTheRuleNamedByTheParameter() {
        String other = cf.lockdownRule("urls", List.of("api.example.com/*"), "ips", List.of("198.51.100.5"),
                "providerSideId", "5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f");
        stubFor(put(urlEqualTo(LOCKDOWNS + "/5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f")).willReturn(okJson(UPDATED.replace(RULE_ID, "5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f"))));

        PressResult result = cf.press("DnsRecord", ADD, www, Map.of("lockdownRule", other));

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
        verify(putRequestedFor(urlEqualTo(LOCKDOWNS + "/5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f")));
        verify(0, putRequestedFor(urlEqualTo(RULE)));
    }

    @Test
    void asksWhichRuleWhenTheZoneHasSeveral() {
        String other = cf.lockdownRule("urls", List.of("api.example.com/*"), "ips", List.of("198.51.100.5"),
                "providerSideId", "5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f");

        PressResult result = cf.press("DnsRecord", ADD, www);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).startsWith("Which lockdown rule? Give the parameter lockdownRule (a uuid or Cloudflare id);"
                + " example.com has ").contains(admin + " 'Admin from the office'").contains(other + " api.example.com/*");
        verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void sendsNothingWhenTheRuleLetsTheRecordThroughAlready() {
        cf.update("LockdownRule", admin, "urls", List.of("example.com/admin*", "www.example.com/*"), "ips", List.of("198.51.100.4", "192.0.2.10"));

        PressResult result = cf.press("DnsRecord", ADD, www);

        assertThat(result.message()).isEqualTo("Lockdown rule 'Admin from the office' already lets 192.0.2.10 through to www.example.com/*: nothing to send");
        verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void dryRunShowsThePutAndChangesNeitherRuleNorRecord(WireMockRuntimeInfo wm) {
        long version = cf.entity("LockdownRule", admin).version();

        PressResult result = cf.dryRun("DnsRecord", ADD, www);

        assertThat(result.message()).isEqualTo("Dry run: PUT " + wm.getHttpBaseUrl() + RULE + " {\"urls\":[\"example.com/admin*\",\"www.example.com/*\"],"
                + "\"configurations\":[{\"target\":\"ip\",\"value\":\"198.51.100.4\"},{\"target\":\"ip\",\"value\":\"192.0.2.10\"}],"
                + "\"description\":\"Admin from the office\",\"paused\":false}");
        assertThat(cf.entity("LockdownRule", admin).version()).isEqualTo(version);
        verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void refusesARuleOfAnotherZone() {
        String otherZone = cf.create("DomainName", Map.of("name", "example.org", "registrar", cf.provider, "providerSideId", "9a7806061c88ada191ed06f989cc3dac"));
        String foreign = cf.create("LockdownRule", Map.of("domainName", otherZone, "urls", List.of("example.org/*"), "ips", List.of("192.0.2.1"),
                "providerSideId", "5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f"));

        PressResult result = cf.press("DnsRecord", ADD, www, Map.of("lockdownRule", foreign));

        assertThat(result.message()).isEqualTo("lockdownRule " + foreign + ": lockdown rule example.org/* is not a rule of example.com");
        verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void isNotOfferedOnARecordWithoutAnAddress() {
        String alias = cf.dnsRecord("name", "shop", "recordType", "CNAME", "value", "www.example.com");

        PressResult result = cf.press("DnsRecord", ADD, alias);

        assertThat(result.outcome()).isEqualTo(Outcome.REFUSED);
    }

    @Test
    void cloudflaresRefusalLeavesTheRuleAsItWas() {
        stubFor(put(urlEqualTo(RULE)).willReturn(aResponse().withStatus(400).withBody("{\"success\": false, \"errors\": [{\"code\": 10009,"
                + " \"message\": \"zonelockdown.api.validation.invalid_url\"}], \"messages\": [], \"result\": null}")));
        long version = cf.entity("LockdownRule", admin).version();

        PressResult result = cf.press("DnsRecord", ADD, www);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).isEqualTo("Cloudflare refused the request (HTTP 400, 10009): zonelockdown.api.validation.invalid_url");
        assertThat(cf.entity("LockdownRule", admin).version()).isEqualTo(version);
        assertThat(cf.field("LockdownRule", admin, "urls")).isEqualTo(List.of("example.com/admin*"));
    }

    @Test
    void aRateLimitedPutIsSentAgain() {
        Stubs.inTurn(() -> put(urlEqualTo(RULE)), aResponse().withStatus(429).withHeader("Retry-After", "0"), okJson(UPDATED));

        PressResult result = cf.press("DnsRecord", ADD, www);

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
        verify(2, putRequestedFor(urlEqualTo(RULE)));
    }
}
