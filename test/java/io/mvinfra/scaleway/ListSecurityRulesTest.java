package io.mvinfra.scaleway;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static io.mvinfra.scaleway.ScalewayTestbed.page;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.host.runtime.PressResult;
import io.mvinfra.host.store.StoredEntity;
import io.mvinfra.scaleway.ScalewayTestbed.ScalewayError;

/** SecurityGroup → "List rules" ({@link ListSecurityRules}). */
@WireMockTest
class ListSecurityRulesTest {

    private static final String GROUP_ID = "11111111-0000-4000-8000-000000000001";
    private static final String RULES = "/instance/v1/zones/fr-par-1/security_groups/" + GROUP_ID + "/rules";
    /** As Scaleway lists a new group's rules: its own SMTP blocks first (not editable), then the group's. */
    static final String LISTED = """
            {"rules": [
             {"id": "22222222-0000-4000-8000-000000000001", "protocol": "TCP", "direction": "outbound", "ip_range": "0.0.0.0/0",
              "dest_ip_range": null, "dest_port_from": 25, "dest_port_to": null, "position": 1, "editable": false, "action": "drop", "zone": "fr-par-1"},
             {"id": "22222222-0000-4000-8000-000000000002", "protocol": "TCP", "direction": "inbound", "ip_range": "0.0.0.0/0",
              "dest_ip_range": null, "dest_port_from": 443, "dest_port_to": null, "position": 2, "editable": true, "action": "accept", "zone": "fr-par-1"},
             {"id": "22222222-0000-4000-8000-000000000003", "protocol": "UDP", "direction": "inbound", "ip_range": "10.0.0.0/8",
              "dest_ip_range": null, "dest_port_from": 1000, "dest_port_to": 2000, "position": 3, "editable": true, "action": "accept", "zone": "fr-par-1"}]}""";

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

    @Test
    void storesEveryRuleScalewaysOwnIncludedAndLinksOneEnteredByHand() {
        stubFor(get(urlPathEqualTo(RULES)).willReturn(page(LISTED, 3)));
        String mine = scw.securityRule(group, "protocol", "TCP", "direction", "inbound", "action", "accept", "ipRange", "0.0.0.0/0",
                "destPortFrom", 443L);

        PressResult result = scw.press("SecurityGroup", "listScalewaySecurityGroupRules", group);

        assertThat(result.message()).isEqualTo("Rules of security group web: 3 listed: 2 new, 1 linked");
        assertThat(scw.field("SecurityRule", mine, "providerSideId")).isEqualTo("22222222-0000-4000-8000-000000000002");
        assertThat(scw.field("SecurityRule", mine, "destPortTo")).as("a single port is the range from it to itself").isEqualTo(443L);
        StoredEntity smtp = scw.all("SecurityRule", "providerSideId", "22222222-0000-4000-8000-000000000001").get(0);
        assertThat(smtp.values()).containsEntry("editable", Boolean.FALSE).containsEntry("direction", "outbound")
                .containsEntry("action", "drop").containsEntry("position", 1L);
        StoredEntity udp = scw.all("SecurityRule", "providerSideId", "22222222-0000-4000-8000-000000000003").get(0);
        assertThat(List.of(udp.value("destPortFrom"), udp.value("destPortTo"), udp.value("ipRange"))).containsExactly(1000L, 2000L, "10.0.0.0/8");
    }

    @Test
    void aRuleGoneFromScalewayIsMarkedNotDeleted() {
        stubFor(get(urlPathEqualTo(RULES)).willReturn(page(LISTED, 3)));
        scw.press("SecurityGroup", "listScalewaySecurityGroupRules", group);
        stubFor(get(urlPathEqualTo(RULES)).willReturn(page("{\"rules\": []}", 0)));

        PressResult again = scw.press("SecurityGroup", "listScalewaySecurityGroupRules", group);

        assertThat(again.message()).isEqualTo("Rules of security group web: 0 listed; 3 no longer at the provider (kept, marked)");
        assertThat(scw.all("SecurityRule", "securityGroup", group)).allSatisfy(r -> assertThat(r.value("missingAtProvider")).isEqualTo(true));
    }

    @Test
    void aGroupNotAtScalewayIsRefusedBeforeAnyCall() {
        String draft = scw.securityGroup("name", "draft");

        PressResult result = scw.press("SecurityGroup", "listScalewaySecurityGroupRules", draft);

        assertThat(result.message()).startsWith("Button 'List rules' does not apply");
        verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aGroupGoneFromScalewayIsTheProvidersNotFound() {
        stubFor(get(urlPathEqualTo(RULES)).willReturn(ScalewayError.NOT_FOUND.answer()));

        PressResult result = scw.press("SecurityGroup", "listScalewaySecurityGroupRules", group);

        assertThat(result.message()).startsWith("Scaleway refused the request " + ScalewayError.NOT_FOUND.told);
    }
}
