package io.mvinfra.scaleway;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.host.runtime.PressResult;
import io.mvinfra.scaleway.ScalewayTestbed.ScalewayError;

/** SecurityRule → "Delete at Scaleway" ({@link DeleteSecurityRule}). */
@WireMockTest
class DeleteSecurityRuleTest {

    private static final String GROUP_ID = "11111111-0000-4000-8000-000000000001";
    private static final String RULE_ID = "22222222-0000-4000-8000-000000000002";
    private static final String RULE = "/instance/v1/zones/fr-par-1/security_groups/" + GROUP_ID + "/rules/" + RULE_ID;

    private ScalewayTestbed scw;
    private String group;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        scw = ScalewayTestbed.at(wm.getHttpBaseUrl());
        group = scw.securityGroup("name", "web", "zone", "fr-par-1", "providerSideId", GROUP_ID);
    }

    @AfterEach
    void close() {
        scw.close();
    }

    private String rule(boolean editable) {
        return scw.securityRule(group, "protocol", "TCP", "direction", "inbound", "action", "accept", "ipRange", "0.0.0.0/0",
                "destPortFrom", 443L, "editable", editable, "providerSideId", RULE_ID);
    }

    @Test
    void deletesTheRuleThereThenHere() {
        stubFor(delete(RULE).willReturn(noContent()));
        String rule = rule(true);

        PressResult result = scw.press("SecurityRule", "deleteScalewaySecurityGroupRule", rule);

        assertThat(result.message()).isEqualTo("Security rule " + RULE_ID + " of security group web deleted at Scaleway and removed here");
        verify(deleteRequestedFor(urlPathEqualTo(RULE)));
        assertThat(scw.host.store().get("SecurityRule", rule)).isEmpty();
    }

    @Test
    void aRuleAlreadyGoneIsRemovedHere() {
        stubFor(delete(RULE).willReturn(ScalewayError.NOT_FOUND.answer()));
        String rule = rule(true);

        PressResult result = scw.press("SecurityRule", "deleteScalewaySecurityGroupRule", rule);

        assertThat(result.message()).endsWith("was already gone from Scaleway and removed here");
        assertThat(scw.host.store().get("SecurityRule", rule)).isEmpty();
    }

    @Test
    void scalewaysOwnRuleIsNotEvenOffered() {
        String rule = rule(false);

        PressResult result = scw.press("SecurityRule", "deleteScalewaySecurityGroupRule", rule);

        assertThat(result.message()).startsWith("Button 'Delete at Scaleway' does not apply");
        verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aRefusedPermissionKeepsTheRule() {
        stubFor(delete(RULE).willReturn(ScalewayError.PERMISSIONS_DENIED.answer()));
        String rule = rule(true);

        PressResult result = scw.press("SecurityRule", "deleteScalewaySecurityGroupRule", rule);

        assertThat(result.message()).startsWith("Scaleway refused the request " + ScalewayError.PERMISSIONS_DENIED.told);
        assertThat(scw.host.store().get("SecurityRule", rule)).isPresent();
    }
}
