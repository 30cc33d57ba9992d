package io.mvinfra.scaleway;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static io.mvinfra.scaleway.ScalewayTestbed.answer;
import static io.mvinfra.scaleway.ScalewayTestbed.page;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

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
import support.FakeTime;
import support.Stubs;

/** SecurityGroup → "Create at Scaleway" ({@link CreateSecurityGroup}). */
@WireMockTest
class CreateSecurityGroupTest {

    static final String GROUPS = "/instance/v1/zones/fr-par-1/security_groups";
    static final String ID = "cbf3a08d-f3b2-4bd0-9b01-de34cf825e64";
    static final String CREATED = """
            {"security_group": {"id": "%s", "creation_date": "2026-07-30T12:54:21.436730+00:00",
             "modification_date": "2026-07-30T12:54:21.436730+00:00", "name": "web", "description": null,
             "organization": "%s", "project": "%s", "servers": [], "stateful": false,
             "inbound_default_policy": "accept", "outbound_default_policy": "accept", "organization_default": false,
             "project_default": false, "enable_default_security": true, "state": "available", "tags": [], "zone": "fr-par-1"}}
            """.formatted(ID, ScalewayTestbed.PROJECT, ScalewayTestbed.PROJECT);

    private final FakeTime time = new FakeTime();
    private ScalewayTestbed scw;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        scw = ScalewayTestbed.at(wm.getHttpBaseUrl(), time);
    }

    @AfterEach
    void close() {
        scw.close();
    }

    @Test
    void createsTheGroupWithTheSpecsDefaultsInTheCredentialsProject() {
        stubFor(post(GROUPS).willReturn(answer(201, CREATED)));
        String group = scw.securityGroup("name", "web", "zone", "fr-par-1");

        PressResult result = scw.press("SecurityGroup", "createScalewaySecurityGroup", group);

        assertThat(result.message()).isEqualTo("Security group web created in fr-par-1 (id " + ID + ")");
        verify(postRequestedFor(urlPathEqualTo(GROUPS)).withHeader("Content-Type", containing("application/json"))
                .withHeader("X-Auth-Token", equalTo(ScalewayTestbed.SECRET_KEY))
                .withRequestBody(equalToJson("""
                        {"name": "web", "project": "%s", "project_default": false, "stateful": false,
                         "inbound_default_policy": "accept", "outbound_default_policy": "accept"}""".formatted(ScalewayTestbed.PROJECT))));
        assertThat(scw.field("SecurityGroup", group, "providerSideId")).isEqualTo(ID);
        assertThat(scw.field("SecurityGroup", group, "state")).isEqualTo("available");
        assertThat(scw.field("SecurityGroup", group, "enableDefaultSecurity")).isEqualTo(Boolean.TRUE);
    }

    @Test
    void sendsWhatTheEntitySaysAndGoesToTheProvidersFirstZoneWhenItNamesNone() {
        stubFor(post(GROUPS).willReturn(answer(201, CREATED)));
        String group = scw.securityGroup("name", "web", "description", "front ends", "project", "11111111-2222-4333-8444-555555555555",
                "stateful", true, "inboundDefaultPolicy", "drop", "projectDefault", true, "tags", List.of("web", "prod"));

        scw.press("SecurityGroup", "createScalewaySecurityGroup", group);

        verify(postRequestedFor(urlPathEqualTo(GROUPS)).withRequestBody(equalToJson("""
                {"name": "web", "description": "front ends", "project": "11111111-2222-4333-8444-555555555555",
                 "tags": ["web", "prod"], "project_default": true, "stateful": true,
                 "inbound_default_policy": "drop", "outbound_default_policy": "accept"}""")));
    }

    @Test
    void refusesAZoneScalewayDoesNotServeNamingTheFieldAndSendsNothing() {
        String group = scw.securityGroup("name", "web", "zone", "us-east-1");

        PressResult result = scw.press("SecurityGroup", "createScalewaySecurityGroup", group);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).startsWith("SecurityGroup.zone: us-east-1 is not a Scaleway zone (fr-par-1, ");
        verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void refusesABlankNameAndNoProjectAtOnceNamingBothFields() {
        scw.update("Credential", scw.credential, "projectId", "");
        String group = scw.securityGroup("name", "  ");

        PressResult result = scw.press("SecurityGroup", "createScalewaySecurityGroup", group);

        assertThat(result.message()).isEqualTo("SecurityGroup.name: is required; SecurityGroup.project: is empty and the provider's"
                + " credential has no projectId: Scaleway creates a group in a project");
        verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void doesNotApplyToAGroupAlreadyAtScaleway() {
        String group = scw.securityGroup("name", "web", "providerSideId", ID);

        PressResult result = scw.press("SecurityGroup", "createScalewaySecurityGroup", group);

        assertThat(result.message()).startsWith("Button 'Create at Scaleway' does not apply to this SecurityGroup now");
        verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aDryRunSaysTheRequestAndSendsNothing(WireMockRuntimeInfo wm) {
        String group = scw.securityGroup("name", "web");

        PressResult result = scw.dryRun("SecurityGroup", "createScalewaySecurityGroup", group);

        assertThat(result.message()).startsWith("Dry run: POST " + wm.getHttpBaseUrl() + GROUPS + " {\"name\":\"web\",\"project\":");
        verify(0, anyRequestedFor(anyUrl()));
        assertThat(scw.field("SecurityGroup", group, "providerSideId")).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = ScalewayError.class, names = {"INVALID_ARGUMENTS", "QUOTAS_EXCEEDED", "PERMISSIONS_DENIED"})
    void scalewaysRefusalReachesTheOperatorWithItsTypeAndDetails(ScalewayError error) {
        stubFor(post(GROUPS).willReturn(error.answer()));
        String group = scw.securityGroup("name", "web");

        PressResult result = scw.press("SecurityGroup", "createScalewaySecurityGroup", group);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).startsWith("Scaleway refused the request " + error.told);
        assertThat(scw.field("SecurityGroup", group, "providerSideId")).isNull();
    }

    @Test
    void after429WithRetryAfterItWaitsAsToldLooksTheGroupUpAndSendsAgain() {
        Stubs.inTurn(() -> post(GROUPS), answer(429, "{\"type\": \"too_many_requests\", \"message\": \"rate limited\"}")
                .withHeader("Retry-After", "7"), answer(201, CREATED));
        stubFor(get(urlPathEqualTo(GROUPS)).willReturn(page("{\"security_groups\": []}", 0)));
        String group = scw.securityGroup("name", "web");

        PressResult result = scw.press("SecurityGroup", "createScalewaySecurityGroup", group);

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(time.sleeps()).hasSize(1).allSatisfy(wait -> assertThat(wait).isGreaterThanOrEqualTo(Duration.ofSeconds(7)));
        verify(getRequestedFor(urlPathEqualTo(GROUPS)).withQueryParam("name", equalTo("web"))
                .withQueryParam("project", equalTo(ScalewayTestbed.PROJECT)));
        verify(2, postRequestedFor(urlPathEqualTo(GROUPS)));
        assertThat(scw.field("SecurityGroup", group, "providerSideId")).isEqualTo(ID);
    }

    @Test
    void after429WithoutRetryAfterItBacksOffAndAdoptsTheGroupTheFirstSendCreated() {
        stubFor(post(GROUPS).willReturn(answer(429, "{\"type\": \"too_many_requests\", \"message\": \"rate limited\"}")));
        stubFor(get(urlPathEqualTo(GROUPS)).willReturn(page(CREATED.replace("\"security_group\": {", "\"security_groups\": [{")
                .replace("}}", "}]}"), 1)));
        String group = scw.securityGroup("name", "web");

        PressResult result = scw.press("SecurityGroup", "createScalewaySecurityGroup", group);

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(time.slept()).isPositive();
        verify(1, postRequestedFor(urlPathEqualTo(GROUPS)));
        assertThat(scw.field("SecurityGroup", group, "providerSideId")).isEqualTo(ID);
    }
}
