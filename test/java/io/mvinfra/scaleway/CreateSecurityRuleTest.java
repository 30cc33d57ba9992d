package io.mvinfra.scaleway;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static io.mvinfra.scaleway.ScalewayTestbed.answer;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.host.runtime.AuditEntry.Outcome;
import io.mvinfra.host.runtime.PressResult;
import io.mvinfra.scaleway.ScalewayTestbed.ScalewayError;

/** SecurityRule → "Create at Scaleway" ({@link CreateSecurityRule}). */
@WireMockTest
class CreateSecurityRuleTest {

    private static final String GROUP_ID = "11111111-0000-4000-8000-000000000001";
    private static final String RULES = "/instance/v1/zones/fr-par-1/security_groups/" + GROUP_ID + "/rules";
    private static final String CREATED = """
            {"rule": {"id": "22222222-0000-4000-8000-000000000009", "protocol": "TCP", "direction": "inbound", "ip_range": "203.0.113.0/24",
             "dest_ip_range": null, "dest_port_from": 8000, "dest_port_to": 8080, "position": 4, "editable": true, "action": "accept",
             "zone": "fr-par-1"}}""";

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

    private String rule(Object... more) {
        Object[] base = {"protocol", "TCP", "direction", "inbound", "action", "accept", "ipRange", "203.0.113.0/24"};
        Object[] all = new Object[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return scw.securityRule(group, all);
    }

    @Test
    void addsTheRuleToItsGroupAndKeepsScalewaysIdAndPlace() {
        stubFor(post(RULES).willReturn(answer(201, CREATED)));
        String rule = rule("destPortFrom", 8000L, "destPortTo", 8080L);

        PressResult result = scw.press("SecurityRule", "createScalewaySecurityGroupRule", rule);

        assertThat(result.message()).isEqualTo("Rule inbound accept TCP 8000-8080 from 203.0.113.0/24 created in security group web"
                + " at position 4 (id 22222222-0000-4000-8000-000000000009)");
        verify(postRequestedFor(urlPathEqualTo(RULES)).withHeader("Content-Type", containing("application/json"))
                .withRequestBody(equalToJson("""
                        {"protocol": "TCP", "direction": "inbound", "action": "accept", "ip_range": "203.0.113.0/24",
                         "dest_port_from": 8000, "dest_port_to": 8080}""")));
        assertThat(scw.field("SecurityRule", rule, "providerSideId")).isEqualTo("22222222-0000-4000-8000-000000000009");
        assertThat(scw.field("SecurityRule", rule, "position")).isEqualTo(4L);
    }

    @Test
    void aSinglePortIsSentAsDestPortFromAloneAndAPositionAsGiven() {
        stubFor(post(RULES).willReturn(answer(201, CREATED)));
        String rule = rule("destPortFrom", 22L, "destPortTo", 22L, "position", 1L);

        scw.press("SecurityRule", "createScalewaySecurityGroupRule", rule);

        verify(postRequestedFor(urlPathEqualTo(RULES)).withRequestBody(equalToJson("""
                {"protocol": "TCP", "direction": "inbound", "action": "accept", "ip_range": "203.0.113.0/24",
                 "dest_port_from": 22, "position": 1}""")));
    }

    @Test
    void refusesPortsOnIcmpNamingBothFields() {
        String rule = scw.securityRule(group, "protocol", "ICMP", "direction", "inbound", "action", "accept", "ipRange", "0.0.0.0/0",
                "destPortFrom", 8L, "destPortTo", 9L);

        PressResult result = scw.press("SecurityRule", "createScalewaySecurityGroupRule", rule);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).isEqualTo("SecurityRule.destPortFrom: must be empty for ICMP: ports apply to TCP and UDP only; "
                + "SecurityRule.destPortTo: must be empty for ICMP: ports apply to TCP and UDP only");
        verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void refusesPortsOnAny() {
        String rule = scw.securityRule(group, "protocol", "ANY", "direction", "outbound", "action", "drop", "ipRange", "0.0.0.0/0",
                "destPortFrom", 25L);

        PressResult result = scw.press("SecurityRule", "createScalewaySecurityGroupRule", rule);

        assertThat(result.message()).isEqualTo("SecurityRule.destPortFrom: must be empty for ANY: ports apply to TCP and UDP only");
        verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void refusesARangeEndingBeforeItStarts() {
        String rule = rule("destPortFrom", 443L, "destPortTo", 80L);

        PressResult result = scw.press("SecurityRule", "createScalewaySecurityGroupRule", rule);

        assertThat(result.message()).isEqualTo("SecurityRule.destPortTo: must be at least destPortFrom (443), is 80");
        verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void refusesAnEndWithoutAStart() {
        String rule = rule("destPortTo", 80L);

        PressResult result = scw.press("SecurityRule", "createScalewaySecurityGroupRule", rule);

        assertThat(result.message()).startsWith("SecurityRule.destPortFrom: is required when destPortTo is set (80)");
        verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void refusesAnAddressWithoutPrefixAndAPrefixTooLongNamingTheField() {
        String bare = scw.securityRule(group, "protocol", "TCP", "direction", "inbound", "action", "accept", "ipRange", "198.51.100.7");
        String tooLong = scw.securityRule(group, "protocol", "TCP", "direction", "inbound", "action", "accept", "ipRange", "10.0.0.0/33");

        PressResult first = scw.press("SecurityRule", "createScalewaySecurityGroupRule", bare);
        PressResult second = scw.press("SecurityRule", "createScalewaySecurityGroupRule", tooLong);

        assertThat(first.message()).isEqualTo("SecurityRule.ipRange: must be a CIDR range such as 203.0.113.0/24, 198.51.100.7/32 or"
                + " 2001:db8::/48, is '198.51.100.7'");
        assertThat(second.message()).startsWith("SecurityRule.ipRange: must be a CIDR range").endsWith("is '10.0.0.0/33'");
        verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void refusesARuleOfAGroupNotAtScaleway() {
        String draft = scw.securityGroup("name", "draft");
        String rule = scw.securityRule(draft, "protocol", "TCP", "direction", "inbound", "action", "accept", "ipRange", "0.0.0.0/0");

        PressResult result = scw.press("SecurityRule", "createScalewaySecurityGroupRule", rule);

        assertThat(result.message()).isEqualTo("Security group draft is not at Scaleway yet: create it at Scaleway first");
        verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @EnumSource(value = ScalewayError.class, names = {"INVALID_ARGUMENTS", "QUOTAS_EXCEEDED", "NOT_FOUND", "PERMISSIONS_DENIED"})
    void scalewaysRefusalReachesTheOperatorWithItsTypeAndDetails(ScalewayError error) {
        stubFor(post(RULES).willReturn(error.answer()));
        String rule = rule();

        PressResult result = scw.press("SecurityRule", "createScalewaySecurityGroupRule", rule);

        assertThat(result.message()).startsWith("Scaleway refused the request " + error.told);
        assertThat(scw.field("SecurityRule", rule, "providerSideId")).isNull();
    }
}
