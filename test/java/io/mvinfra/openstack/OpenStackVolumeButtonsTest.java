package io.mvinfra.openstack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static support.Fixtures.fixture;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.host.runtime.AuditEntry.Outcome;
import io.mvinfra.host.runtime.PressResult;
import io.mvinfra.host.store.StoredEntity;
import io.mvinfra.openstack.volume.VolumeSizes;
import support.FakeTime;

/**
 * The Volume and security group buttons against stubs of Keystone, Cinder and Neutron that follow what the real ones
 * answered, for what the real stack cannot show: a Keystone token whose expiry passes during a wait, a 401 in the middle
 * of a paged list, an extend ending in error_extending, Cinder's and Neutron's refusals in their own shapes, and the
 * checks made before anything is sent. Waits on a fake clock.
 */
@WireMockTest
class OpenStackVolumeButtonsTest {

    private static final String V1 = "6f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f";
    private static final String CINDER = "/volume/v3/8538a3f13f9541b28c2620eb19065e45";
    private static final String VOLUME = CINDER + "/volumes/" + V1;
    private static final String SERVER_ID = "5b2e8f7c-1d2e-4f3a-9b8c-7d6e5f4a3b2c";

    private final FakeTime time = new FakeTime();
    private OpenStackTestbed os;
    private String base;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        base = wm.getHttpBaseUrl();
        os = OpenStackTestbed.at(base + "/v3", "dev-", time);
    }

    @AfterEach
    void close() {
        os.close();
    }

    /** Keystone issues {@code tok-1} valid until {@code firstExpiry}, then {@code tok-2} for an hour. */
    private void keystoneIssues(String firstExpiry) {
        stubFor(post(urlPathEqualTo("/v3/auth/tokens")).inScenario("keystone").whenScenarioStateIs(STARTED).willSetStateTo("renewed")
                .willReturn(token("tok-1", firstExpiry)));
        stubFor(post(urlPathEqualTo("/v3/auth/tokens")).inScenario("keystone").whenScenarioStateIs("renewed")
                .willReturn(token("tok-2", "2026-01-15T12:00:00.000000Z")));
    }

    private com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder token(String value, String expiresAt) {
        return aResponse().withStatus(201).withHeader("X-Subject-Token", value).withHeader("Content-Type", "application/json")
                .withBody(fixture("openstack/keystone-token-cinder-catalog.json").replace("BASE", base).replace("EXPIRES", expiresAt));
    }

    private static void answers(MappingBuilder request, int status, String fixture) {
        stubFor(request.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("X-Openstack-Request-Id", "req-7b8d8648").withBody(fixture(fixture))));
    }

    private String token() {
        return (String) os.host.store().reveal(os.host.store().require("Credential", os.credential)).get("token");
    }

    private String volume(Object... more) {
        Object[] fields = {"name", "dev-data-1", "size", VolumeSizes.GIB, "provider", os.provider};
        Object[] all = new Object[fields.length + more.length];
        System.arraycopy(fields, 0, all, 0, fields.length);
        System.arraycopy(more, 0, all, fields.length, more.length);
        return os.create("Volume", all);
    }

    @Test
    void aTokenThatExpiresDuringTheWaitIsRenewedAndThePressSucceedsWithTheNewTokenKept() {
        keystoneIssues("2026-01-15T10:06:00.000000Z");   // renewed 5 minutes ahead: from 10:01 on the fake clock
        String volume = volume();
        answers(post(urlPathEqualTo(CINDER + "/volumes")), 202, "openstack/cinder-volume-creating.json");
        answers(get(urlPathEqualTo(VOLUME)).withHeader("X-Auth-Token", equalTo("tok-1")), 200, "openstack/cinder-volume-creating.json");
        answers(get(urlPathEqualTo(VOLUME)).withHeader("X-Auth-Token", equalTo("tok-2")), 200, "openstack/cinder-volume-available.json");

        PressResult result = os.press("Volume", "createOpenStackVolume", volume);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).isEqualTo("Volume dev-data-1 created at OpenStack (id " + V1
                + "): 1 GiB (1073741824 bytes), type __DEFAULT__, available");
        verify(2, postRequestedFor(urlPathEqualTo("/v3/auth/tokens")));
        verify(1, postRequestedFor(urlPathEqualTo(CINDER + "/volumes")).withHeader("X-Auth-Token", equalTo("tok-1"))
                .withRequestBody(equalToJson("{\"volume\": {\"name\": \"dev-data-1\", \"size\": 1, \"metadata\": {\"mv-infra-entity\": \""
                        + volume + "\"}}}")));
        verify(getRequestedFor(urlPathEqualTo(VOLUME)).withHeader("X-Auth-Token", equalTo("tok-2")));
        assertThat(time.now()).as("the wait outlived the first token's renewal time").isAfter(java.time.Instant.parse("2026-01-15T10:01:00Z"));
        assertThat(token()).as("the new token written back to the Credential").isEqualTo("tok-2");
        assertThat(os.field("Volume", volume, "state")).isEqualTo("available");
        assertThat(os.field("Volume", volume, "providerSideId")).isEqualTo(V1);
    }

    @Test
    void a401OnTheSecondPageOfAListRenewsOnceAndTheWholeListArrives() {
        keystoneIssues("2026-01-15T11:00:00.000000Z");
        String server = os.server("instanceName", "dev-web-1", "serverType", "m1.tiny", "providerSideId", SERVER_ID, "status", "ACTIVE");
        stubFor(get(urlPathEqualTo(CINDER + "/volumes/detail")).withQueryParam("marker", absent())
                .willReturn(okJson(fixture("openstack/cinder-volumes-page-1.json").replace("BASE", base))));
        stubFor(get(urlPathEqualTo(CINDER + "/volumes/detail")).withQueryParam("marker", equalTo(V1))
                .withHeader("X-Auth-Token", equalTo("tok-1"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"code\": 401, \"title\": \"Unauthorized\", \"message\": \"The request you have made requires authentication.\"}}")));
        stubFor(get(urlPathEqualTo(CINDER + "/volumes/detail")).withQueryParam("marker", equalTo(V1))
                .withHeader("X-Auth-Token", equalTo("tok-2")).willReturn(okJson(fixture("openstack/cinder-volumes-page-2.json"))));

        PressResult result = os.press("ServiceProvider", "listOpenStackVolumes", os.provider);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).isEqualTo("Volumes of openstack-local: 2 listed: 2 new");
        verify(2, postRequestedFor(urlPathEqualTo("/v3/auth/tokens")));
        verify(2, getRequestedFor(urlPathEqualTo(CINDER + "/volumes/detail")).withQueryParam("marker", equalTo(V1)));
        verify(getRequestedFor(urlPathEqualTo(CINDER + "/volumes/detail")).withQueryParam("limit", equalTo("1000")));
        assertThat(token()).isEqualTo("tok-2");
        StoredEntity attached = os.all("Volume", "name", "dev-data-2").get(0);
        assertThat(attached.value("state")).isEqualTo("in-use");
        assertThat(attached.value("size")).isEqualTo(20 * VolumeSizes.GIB);
        assertThat(attached.value("server")).isEqualTo(server);
        assertThat(os.all("Volume", "name", "dev-data-1").get(0).value("creationDate"))
                .isEqualTo(java.time.Instant.parse("2026-01-15T09:58:01Z"));
    }

    @Test
    void anExtendEndingInErrorExtendingFailsAtOnceSayingTheExtendWasAccepted() {
        keystoneIssues("2026-01-15T11:00:00.000000Z");
        String volume = volume("providerSideId", V1, "state", "available", "size", 2 * VolumeSizes.GIB);
        stubFor(get(urlPathEqualTo(VOLUME)).inScenario("extend").whenScenarioStateIs(STARTED).willSetStateTo("extending")
                .willReturn(okJson(fixture("openstack/cinder-volume-available.json"))));
        stubFor(get(urlPathEqualTo(VOLUME)).inScenario("extend").whenScenarioStateIs("extending").willSetStateTo("failed")
                .willReturn(okJson(fixture("openstack/cinder-volume-extending.json"))));
        stubFor(get(urlPathEqualTo(VOLUME)).inScenario("extend").whenScenarioStateIs("failed")
                .willReturn(okJson(fixture("openstack/cinder-volume-error-extending.json"))));
        stubFor(post(urlPathEqualTo(VOLUME + "/action")).willReturn(aResponse().withStatus(202)));

        PressResult result = os.press("Volume", "extendOpenStackVolume", volume);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).startsWith("Volume dev-data-1: the extend to 2 GiB accepted by Cinder (volume " + V1
                + "), but cinder: Volume dev-data-1 went error_extending while waiting for available (after ");
        verify(1, postRequestedFor(urlPathEqualTo(VOLUME + "/action")).withRequestBody(equalToJson("{\"os-extend\": {\"new_size\": 2}}")));
        assertThat(time.slept()).as("waited on the fake clock, and stopped at error_extending").isPositive().isLessThan(java.time.Duration.ofMinutes(1));
    }

    @Test
    void badFieldsAreRefusedBeforeAnyRequestEachNamed() {
        keystoneIssues("2026-01-15T11:00:00.000000Z");
        answers(get(urlPathEqualTo(VOLUME)), 200, "openstack/cinder-volume-available.json");
        String smaller = volume("providerSideId", V1, "state", "available", "size", VolumeSizes.GIB / 2);
        String notAtNova = os.server("instanceName", "dev-web-2", "serverType", "m1.tiny");
        String unattached = volume("providerSideId", V1, "state", "available", "server", notAtNova);
        String notInGib = volume("size", 1_500_000_000L);

        PressResult extend = os.press("Volume", "extendOpenStackVolume", smaller);
        PressResult attach = os.press("Volume", "attachOpenStackVolume", unattached);
        PressResult create = os.press("Volume", "createOpenStackVolume", notInGib);

        assertThat(extend.outcome()).isNotEqualTo(Outcome.SUCCESS);
        assertThat(extend.message()).contains("Volume.size: must be at least 1 GiB (1073741824 bytes), is 536870912 bytes");
        assertThat(attach.outcome()).isNotEqualTo(Outcome.SUCCESS);
        assertThat(attach.message()).contains("Volume.server: Server dev-web-2 is not at Nova yet: create it first");
        assertThat(create.outcome()).isNotEqualTo(Outcome.SUCCESS);
        assertThat(create.message()).contains("Volume.size: must be a whole number of GiB (1073741824 bytes each) for Cinder, is 1.40 GiB");
        verify(0, postRequestedFor(urlPathEqualTo(VOLUME + "/action")));
        verify(0, postRequestedFor(urlPathEqualTo(CINDER + "/volumes")));
        verify(0, postRequestedFor(urlPathEqualTo("/compute/v2.1/servers/" + SERVER_ID + "/os-volume_attachments")));
    }

    @Test
    void cindersQuotaRefusalReachesTheOperatorInItsWordsAndIsNotResent() {
        keystoneIssues("2026-01-15T11:00:00.000000Z");
        String volume = volume("size", 3000 * VolumeSizes.GIB);
        stubFor(post(urlPathEqualTo(CINDER + "/volumes")).willReturn(aResponse().withStatus(413).withHeader("Retry-After", "0")
                .withHeader("Content-Type", "application/json").withHeader("X-Openstack-Request-Id", "req-7b8d8648")
                .withBody(fixture("openstack/cinder-gigabytes-over-limit.json"))));

        PressResult result = os.press("Volume", "createOpenStackVolume", volume);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).isEqualTo("Cinder refused the request (HTTP 413, overLimit): VolumeSizeExceedsAvailableQuota: "
                + "Requested volume or snapshot exceeds allowed gigabytes quota. Requested 3000G, quota is 2000G and 1G has been consumed."
                + " [request id req-7b8d8648]");
        verify(1, postRequestedFor(urlPathEqualTo(CINDER + "/volumes")));
        assertThat(os.field("Volume", volume, "providerSideId")).isNull();
    }

    @Test
    void aVolumeCinderDoesNotHaveIsSaidSoByCinderAndNothingIsSent() {
        keystoneIssues("2026-01-15T11:00:00.000000Z");
        String volume = volume("providerSideId", V1, "state", "available", "size", 2 * VolumeSizes.GIB);
        answers(get(urlPathEqualTo(VOLUME)), 404, "openstack/cinder-volume-not-found.json");

        PressResult result = os.press("Volume", "extendOpenStackVolume", volume);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).isEqualTo("Cinder refused the request (HTTP 404, itemNotFound): Volume " + V1
                + " could not be found. [request id req-7b8d8648]");
        verify(0, postRequestedFor(urlPathEqualTo(VOLUME + "/action")));
    }

    @Test
    void aSecurityGroupInUseIsNeutronsRefusalInItsShapeAndTheEntityStays() {
        keystoneIssues("2026-01-15T11:00:00.000000Z");
        String groupId = "3c2b1a09-8f7e-4d6c-b5a4-93827160f5e4";
        String group = os.create("SecurityGroup", "name", "dev-web", "providerSideId", groupId, "provider", os.provider);
        answers(delete(urlPathEqualTo("/network/v2.0/security-groups/" + groupId)), 409, "openstack/neutron-security-group-in-use.json");

        PressResult result = os.press("SecurityGroup", "deleteOpenStackSecurityGroup", group, Map.of("confirm", "yes"));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).isEqualTo("Neutron refused the request (HTTP 409, SecurityGroupInUse): Security Group " + groupId
                + " in use. [request id req-7b8d8648]");
        verify(1, deleteRequestedFor(urlPathEqualTo("/network/v2.0/security-groups/" + groupId)));
        assertThat(os.field("SecurityGroup", group, "providerSideId")).isEqualTo(groupId);
    }

    @Test
    void aDeleteCinderRefusesForTheVolumesStateIsSaidInItsWordsAndTheEntityStays() {
        keystoneIssues("2026-01-15T11:00:00.000000Z");
        String volume = volume("providerSideId", V1, "state", "available");
        answers(get(urlPathEqualTo(VOLUME)), 200, "openstack/cinder-volume-available.json");
        answers(delete(urlPathEqualTo(VOLUME)), 400, "openstack/cinder-invalid-volume.json");

        PressResult result = os.press("Volume", "deleteOpenStackVolume", volume, Map.of("confirm", "yes"));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).isEqualTo("Cinder refused the request (HTTP 400, badRequest): Invalid volume: Volume status must be"
                + " available or error or error_restoring or error_extending or error_managing and must not be migrating, attached,"
                + " belong to a group, have snapshots, awaiting a transfer, or be disassociated from snapshots after volume transfer."
                + " [request id req-7b8d8648]");
        verify(1, deleteRequestedFor(urlPathEqualTo(VOLUME)));
        assertThat(os.field("Volume", volume, "providerSideId")).isEqualTo(V1);
        assertThat(os.field("Volume", volume, "missingAtProvider")).isNotEqualTo(Boolean.TRUE);
    }

    @Test
    void aCopyOfASnapshotIsAskedWithoutASizeAndOfTheGivenType() {
        keystoneIssues("2026-01-15T11:00:00.000000Z");
        String volume = os.create("Volume", "name", "dev-data-copy", "baseVolume", "f445e3e8-b889-4b11-8dca-fc91f0614dc1",
                "volumeType", "classic", "provider", os.provider);

        PressResult result = os.dryRun("Volume", "createOpenStackVolume", volume);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).isEqualTo("Dry run: POST " + base + CINDER + "/volumes {\"volume\":{\"name\":\"dev-data-copy\","
                + "\"volume_type\":\"classic\",\"snapshot_id\":\"f445e3e8-b889-4b11-8dca-fc91f0614dc1\",\"metadata\":{\"mv-infra-entity\":\""
                + volume + "\"}}}");
        verify(0, postRequestedFor(urlPathEqualTo(CINDER + "/volumes")));
        assertThat(os.field("Volume", volume, "providerSideId")).isNull();
    }
}
