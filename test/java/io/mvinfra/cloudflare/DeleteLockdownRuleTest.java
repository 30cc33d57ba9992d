package io.mvinfra.cloudflare;

import static io.mvinfra.cloudflare.Testbed.LOCKDOWNS;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.host.runtime.AuditEntry.Outcome;
import io.mvinfra.host.runtime.PressResult;
import support.Stubs;

/** LockdownRule → "Delete on Cloudflare" ({@link DeleteLockdownRule}). */
@WireMockTest
class DeleteLockdownRuleTest {

    private static final String DELETE = "deleteCloudflareLockdownRule";
    private static final String RULE_ID = "372e67954025e0ba6aaa6d586b9e0b59";
    private static final String RULE = LOCKDOWNS + "/" + RULE_ID;

    private Testbed cf;
    private String admin;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        cf = Testbed.at(wm.getHttpBaseUrl());
        admin = cf.lockdownRule("urls", List.of("example.com/admin*"), "ips", List.of("198.51.100.4"),
                "description", "Admin from the office", "providerSideId", RULE_ID);
    }

    @AfterEach
    void close() {
        cf.close();
    }

    @Test
    void deletesTheRuleAtCloudflareThenHere() {
        stubFor(delete(urlEqualTo(RULE)).willReturn(okJson("{\"success\": true, \"errors\": [], \"messages\": [], \"result\": {\"id\": \"" + RULE_ID + "\"}}")));

        PressResult result = cf.press("LockdownRule", DELETE, admin);

        assertThat(result.message()).isEqualTo("Lockdown rule 'Admin from the office' deleted at Cloudflare (id " + RULE_ID + ") and removed here");
        assertThat(cf.host.store().get("LockdownRule", admin)).isEmpty();
        verify(deleteRequestedFor(urlEqualTo(RULE)));
    }

    @Test
    void dryRunShowsTheDeleteAndKeepsEverything(WireMockRuntimeInfo wm) {
        PressResult result = cf.dryRun("LockdownRule", DELETE, admin);

        assertThat(result.message()).isEqualTo("Dry run: DELETE " + wm.getHttpBaseUrl() + RULE);
        assertThat(cf.host.store().get("LockdownRule", admin)).isPresent();
        verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aRuleAlreadyGoneFromCloudflareIsRemovedHere() {
        stubFor(delete(urlEqualTo(RULE)).willReturn(aResponse().withStatus(404).withBody(
                "{\"success\": false, \"errors\": [{\"code\": 10001, \"message\": \"firewallaccessrules.api.not_found\"}], \"messages\": [], \"result\": null}")));

        PressResult result = cf.press("LockdownRule", DELETE, admin);

        assertThat(result.message()).isEqualTo("Lockdown rule 'Admin from the office' was already gone from Cloudflare (id " + RULE_ID + ") and removed here");
        assertThat(cf.host.store().get("LockdownRule", admin)).isEmpty();
    }

    @Test
    void aRefusedDeleteKeepsTheRule() {
        stubFor(delete(urlEqualTo(RULE)).willReturn(aResponse().withStatus(403).withBody(
                "{\"success\": false, \"errors\": [{\"code\": 10000, \"message\": \"Authentication error\"}], \"messages\": [], \"result\": null}")));

        PressResult result = cf.press("LockdownRule", DELETE, admin);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).isEqualTo("Cloudflare refused the request (HTTP 403, 10000): Authentication error");
        assertThat(cf.host.store().get("LockdownRule", admin)).isPresent();
    }

    @Test
    void aRateLimitedDeleteIsSentAgain() {
        Stubs.inTurn(() -> delete(urlEqualTo(RULE)), aResponse().withStatus(429).withHeader("Retry-After", "0"),
                okJson("{\"success\": true, \"errors\": [], \"messages\": [], \"result\": {\"id\": \"" + RULE_ID + "\"}}"));

        PressResult result = cf.press("LockdownRule", DELETE, admin);

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(cf.host.store().get("LockdownRule", admin)).isEmpty();
        verify(2, deleteRequestedFor(urlEqualTo(RULE)));
    }
}
