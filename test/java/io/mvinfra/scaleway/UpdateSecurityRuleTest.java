package io.mvinfra.scaleway;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static io.mvinfra.scaleway.ScalewayTestbed.answer;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.host.runtime.PressResult;
import io.mvinfra.scaleway.ScalewayTestbed.ScalewayError;

/** SecurityRule → "Update at Scaleway" ({@link UpdateSecurityRule}). */
@WireMockTest
class UpdateSecurityRuleTest {

    private static final String GROUP_ID = "11111111-0000-4000-8000-000000000001";
    private static final String RULE_ID = "22222222-0000-4000-8000-000000000002";
    private static final String RULE = "/instance/v1/zones/fr-par-1/security_groups/" + GROUP_ID + "/rules/" + RULE_ID;

    private ScalewayTestbed scw;
    private String rule;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        scw = ScalewayTestbed.at(wm.getHttpBaseUrl());
        String group = scw.securityGroup("name", "web", "zone", "fr-par-1", "providerSideId", GROUP_ID);
        rule = scw.securityRule(group, "protocol", "TCP", "direction", "inbound", "action", "accept", "ipRange", "0.0.0.0/0",
                "destPortFrom", 443L, "destPortTo", 443L, "position", 2L, "editable", true, "providerSideId", RULE_ID);
        stubFor(get(RULE).willReturn(answer(200, scalewayRule(443, "0.0.0.0/0", true))));
    }

    @AfterEach
    void close() {
        scw.close();
    }

    private static String scalewayRule(int port, String range, boolean editable) {
        return """
                {"rule": {"id": "%s", "protocol": "TCP", "direction": "inbound", "ip_range": "%s", "dest_ip_range": null,
                 "dest_port_from": %d, "dest_port_to": null, "position": 2, "editable": %s, "action": "accept", "zone": "fr-par-1"}}"""
                .formatted(RULE_ID, range, port, editable);
    }

    @Test
    void replacesTheRuleWholeInItsPlace() {
        stubFor(put(RULE).willReturn(answer(200, scalewayRule(443, "203.0.113.0/24", true))));
        scw.update("SecurityRule", rule, "ipRange", "203.0.113.0/24", "position", null);

        PressResult result = scw.press("SecurityRule", "updateScalewaySecurityGroupRule", rule);

        assertThat(result.message()).isEqualTo("Rule inbound accept TCP 443 from 203.0.113.0/24 updated in security group web (id " + RULE_ID + ")");
        verify(putRequestedFor(urlPathEqualTo(RULE)).withRequestBody(equalToJson("""
                {"id": "%s", "protocol": "TCP", "direction": "inbound", "action": "accept", "ip_range": "203.0.113.0/24",
                 "dest_port_from": 443, "position": 2, "editable": true}""".formatted(RULE_ID))));
        assertThat(scw.field("SecurityRule", rule, "ipRange")).isEqualTo("203.0.113.0/24");
    }

    @Test
    void sendsNothingWhenTheRuleMatchesScaleway() {
        PressResult result = scw.press("SecurityRule", "updateScalewaySecurityGroupRule", rule);

        assertThat(result.message()).isEqualTo("Rule inbound accept TCP 443 from 0.0.0.0/0 already matches Scaleway: nothing to send");
        verify(0, putRequestedFor(urlPathEqualTo(RULE)));
    }

    @Test
    void refusesScalewaysOwnRuleWithoutSending() {
        stubFor(get(RULE).willReturn(answer(200, scalewayRule(25, "0.0.0.0/0", false))));
        scw.update("SecurityRule", rule, "destPortFrom", 587L, "destPortTo", 587L);

        PressResult result = scw.press("SecurityRule", "updateScalewaySecurityGroupRule", rule);

        assertThat(result.message()).isEqualTo("Security rule " + RULE_ID + " is one of Scaleway's own (editable: false): it cannot be changed");
        verify(0, putRequestedFor(urlPathEqualTo(RULE)));
    }

    @Test
    void refusesABadRangeBeforeAnyCall() {
        scw.update("SecurityRule", rule, "ipRange", "0.0.0.0/40");

        PressResult result = scw.press("SecurityRule", "updateScalewaySecurityGroupRule", rule);

        assertThat(result.message()).startsWith("SecurityRule.ipRange: must be a CIDR range");
        verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aRuleGoneFromScalewayIsSaidSo() {
        stubFor(get(RULE).willReturn(ScalewayError.NOT_FOUND.answer()));

        PressResult result = scw.press("SecurityRule", "updateScalewaySecurityGroupRule", rule);

        assertThat(result.message()).isEqualTo("Security rule inbound accept TCP 443 from 0.0.0.0/0 (id " + RULE_ID + ") is no longer at"
                + " Scaleway: press 'List rules' on security group web, or delete it here");
    }

    @Test
    void scalewaysRefusalOfTheReplacementReachesTheOperator() {
        stubFor(put(RULE).willReturn(ScalewayError.INVALID_ARGUMENTS.answer()));
        scw.update("SecurityRule", rule, "action", "drop");

        PressResult result = scw.press("SecurityRule", "updateScalewaySecurityGroupRule", rule);

        assertThat(result.message()).startsWith("Scaleway refused the request " + ScalewayError.INVALID_ARGUMENTS.told);
    }
}
