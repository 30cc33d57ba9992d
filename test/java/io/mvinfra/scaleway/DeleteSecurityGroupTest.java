package io.mvinfra.scaleway;

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

import io.mvinfra.host.runtime.AuditEntry.Outcome;
import io.mvinfra.host.runtime.PressResult;
import io.mvinfra.scaleway.ScalewayTestbed.ScalewayError;

/** SecurityGroup → "Delete at Scaleway" ({@link DeleteSecurityGroup}). */
@WireMockTest
class DeleteSecurityGroupTest {

    private static final String ID = "11111111-0000-4000-8000-000000000001";
    private static final String GROUP = "/instance/v1/zones/fr-par-1/security_groups/" + ID;

    private ScalewayTestbed scw;
    private String group;
    private String rule;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        scw = ScalewayTestbed.at(wm.getHttpBaseUrl());
        group = scw.securityGroup("name", "web", "zone", "fr-par-1", "providerSideId", ID);
        rule = scw.securityRule(group, "protocol", "TCP", "direction", "inbound", "action", "accept", "ipRange", "0.0.0.0/0",
                "destPortFrom", 443L, "providerSideId", "22222222-0000-4000-8000-000000000001");
    }

    @AfterEach
    void close() {
        scw.close();
    }

    @Test
    void deletesTheGroupThereThenHereWithItsRules() {
        stubFor(delete(GROUP).willReturn(noContent()));

        PressResult result = scw.press("SecurityGroup", "deleteScalewaySecurityGroup", group);

        assertThat(result.message()).isEqualTo("Security group web deleted at Scaleway (id " + ID + ") and removed here, with its 1 rule");
        verify(deleteRequestedFor(urlPathEqualTo(GROUP)));
        assertThat(scw.host.store().get("SecurityGroup", group)).isEmpty();
        assertThat(scw.host.store().get("SecurityRule", rule)).isEmpty();
    }

    @Test
    void aGroupServersStillUseStaysBothThereAndHere() {
        stubFor(delete(GROUP).willReturn(ScalewayTestbed.error(409, "conflict")));

        PressResult result = scw.press("SecurityGroup", "deleteScalewaySecurityGroup", group);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).isEqualTo("Scaleway refused the request (HTTP 409, conflict): Group is in use. You cannot delete it.");
        assertThat(scw.host.store().get("SecurityGroup", group)).isPresent();
        assertThat(scw.host.store().get("SecurityRule", rule)).isPresent();
    }

    @Test
    void aGroupAlreadyGoneFromScalewayIsRemovedHere() {
        stubFor(delete(GROUP).willReturn(ScalewayError.NOT_FOUND.answer()));

        PressResult result = scw.press("SecurityGroup", "deleteScalewaySecurityGroup", group);

        assertThat(result.message()).isEqualTo("Security group web was already gone from Scaleway (id " + ID + ") and removed here, with its 1 rule");
        assertThat(scw.host.store().get("SecurityGroup", group)).isEmpty();
    }

    @Test
    void aRefusedPermissionKeepsTheGroup() {
        stubFor(delete(GROUP).willReturn(ScalewayError.PERMISSIONS_DENIED.answer()));

        PressResult result = scw.press("SecurityGroup", "deleteScalewaySecurityGroup", group);

        assertThat(result.message()).startsWith("Scaleway refused the request " + ScalewayError.PERMISSIONS_DENIED.told);
        assertThat(scw.host.store().get("SecurityGroup", group)).isPresent();
    }
}
