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

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.host.runtime.AuditEntry.Outcome;
import io.mvinfra.host.runtime.PressResult;
import io.mvinfra.scaleway.ScalewayTestbed.ScalewayError;

/** SecurityGroup → "Update at Scaleway" ({@link UpdateSecurityGroup}). */
@WireMockTest
class UpdateSecurityGroupTest {

    private static final String ID = "11111111-0000-4000-8000-000000000001";
    private static final String GROUP = "/instance/v1/zones/fr-par-1/security_groups/" + ID;
    private static final String SERVER = "1b7e2c1a-0000-4000-8000-000000000001";

    private ScalewayTestbed scw;
    private String group;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        scw = ScalewayTestbed.at(wm.getHttpBaseUrl());
        group = scw.securityGroup("name", "web", "zone", "fr-par-1", "providerSideId", ID, "stateful", true,
                "inboundDefaultPolicy", "drop", "tags", List.of("web"));
        stubFor(get(GROUP).willReturn(answer(200, "{\"security_group\": "
                + ListSecurityGroupsTest.group(ID, "web", "fr-par-1", "drop", SERVER) + "}")));
    }

    @AfterEach
    void close() {
        scw.close();
    }

    @Test
    void replacesTheWholeGroupKeepingWhatOnlyScalewaySets() {
        stubFor(put(GROUP).willReturn(answer(200, "{\"security_group\": "
                + ListSecurityGroupsTest.group(ID, "web-front", "fr-par-1", "accept", SERVER) + "}")));
        scw.update("SecurityGroup", group, "name", "web-front", "inboundDefaultPolicy", "accept", "description", "front ends");

        PressResult result = scw.press("SecurityGroup", "updateScalewaySecurityGroup", group);

        assertThat(result.message()).isEqualTo("Security group web-front updated (id " + ID + ")");
        verify(putRequestedFor(urlPathEqualTo(GROUP)).withRequestBody(equalToJson("""
                {"name": "web-front", "description": "front ends", "tags": ["web"], "enable_default_security": true,
                 "inbound_default_policy": "accept", "outbound_default_policy": "accept",
                 "organization": "%s", "project": "%s", "project_default": false,
                 "servers": [{"id": "%s", "name": "dev-web-1"}], "stateful": true}"""
                .formatted(ScalewayTestbed.PROJECT, ScalewayTestbed.PROJECT, SERVER))));
        assertThat(scw.field("SecurityGroup", group, "inboundDefaultPolicy")).isEqualTo("accept");
    }

    @Test
    void sendsNothingWhenTheGroupMatchesScaleway() {
        PressResult result = scw.press("SecurityGroup", "updateScalewaySecurityGroup", group);

        assertThat(result.message()).isEqualTo("Security group web already matches Scaleway: nothing to send");
        verify(0, putRequestedFor(urlPathEqualTo(GROUP)));
    }

    @Test
    void aGroupGoneFromScalewayIsSaidSoWithWhatToDo() {
        stubFor(get(GROUP).willReturn(ScalewayError.NOT_FOUND.answer()));

        PressResult result = scw.press("SecurityGroup", "updateScalewaySecurityGroup", group);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).isEqualTo("Security group web (id " + ID + ") is no longer at Scaleway: press 'List security"
                + " groups' on its provider, or delete it here");
        verify(0, putRequestedFor(urlPathEqualTo(GROUP)));
    }

    @Test
    void refusesABlankNameBeforeAnyCall() {
        scw.update("SecurityGroup", group, "name", " ");

        PressResult result = scw.press("SecurityGroup", "updateScalewaySecurityGroup", group);

        assertThat(result.message()).isEqualTo("SecurityGroup.name: is required");
        verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void scalewaysRefusalOfTheUpdateReachesTheOperatorWithItsDetails() {
        stubFor(put(GROUP).willReturn(ScalewayError.INVALID_ARGUMENTS.answer()));
        scw.update("SecurityGroup", group, "name", "web-front");

        PressResult result = scw.press("SecurityGroup", "updateScalewaySecurityGroup", group);

        assertThat(result.message()).startsWith("Scaleway refused the request " + ScalewayError.INVALID_ARGUMENTS.told);
        assertThat(scw.field("SecurityGroup", group, "name")).isEqualTo("web-front");
    }
}
