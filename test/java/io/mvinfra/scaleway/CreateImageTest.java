package io.mvinfra.scaleway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static io.mvinfra.scaleway.ScalewayTestbed.answer;
import static io.mvinfra.scaleway.ScalewayTestbed.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static support.Fixtures.fixture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.host.runtime.AuditEntry.Outcome;
import io.mvinfra.host.runtime.PressResult;
import support.FakeTime;

/** Image → "Create on Scaleway" ({@link CreateImage}): an Instance image of a Block Storage snapshot. */
@WireMockTest
class CreateImageTest {

    private static final String IMAGES = "/instance/v1/zones/fr-par-1/images";
    private static final String ID = "36ecc902-7f70-42c9-89c0-88ad2811e4bf";
    private static final String SNAPSHOT_ID = "a573bd7b-b83e-4b45-8013-7551ad2588a9";

    private ScalewayTestbed scw;
    private String snapshot;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        scw = ScalewayTestbed.at(wm.getHttpBaseUrl(), new FakeTime());
        snapshot = scw.snapshot("name", "data-1-daily", "zone", "fr-par-1", "providerSideId", SNAPSHOT_ID, "state", "available");
    }

    @AfterEach
    void close() {
        scw.close();
    }

    @Test
    void createsTheImageOfTheSnapshotWaitsWhileItIsCreatingAndKeepsScalewaysAnswer() {
        stubFor(post(IMAGES).willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody(fixture("scaleway/image-created.json"))));
        stubFor(get(urlPathEqualTo(IMAGES + "/" + ID)).willReturn(answer("image-available.json")));
        String image = scw.image("name", "web-gold", "arch", "x86_64", "rootSnapshot", snapshot);

        PressResult result = scw.press("Image", "createScalewayImage", image);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).isEqualTo("Image web-gold of snapshot data-1-daily created at Scaleway (id " + ID + "): x86_64, available");
        verify(postRequestedFor(urlPathEqualTo(IMAGES)).withRequestBody(equalToJson(
                "{\"name\": \"web-gold\", \"root_volume\": \"" + SNAPSHOT_ID + "\", \"arch\": \"x86_64\", \"public\": false,"
                        + " \"project\": \"" + ScalewayTestbed.PROJECT + "\"}")));
        assertThat(scw.field("Image", image, "providerSideId")).isEqualTo(ID);
        assertThat(scw.field("Image", image, "zone")).isEqualTo("fr-par-1");
        assertThat(scw.field("Image", image, "state")).isEqualTo("available");
        assertThat(scw.field("Image", image, "rootSnapshot")).isEqualTo(snapshot);
    }

    @Test
    void refusesAnImageWithoutArchOrSnapshotNamingBothFieldsBeforeAnyCall() {
        PressResult result = scw.press("Image", "createScalewayImage", scw.image("name", "web-gold"));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).isEqualTo("Image.arch: is required: the architecture the snapshot's system runs on, x86_64, arm64, arm;"
                + " Image.rootSnapshot: is required: the snapshot of the volume to boot from");
        verify(0, postRequestedFor(urlPathEqualTo(IMAGES)));
    }

    @Test
    void refusesASnapshotNotAtScalewayYet() {
        String local = scw.snapshot("name", "draft", "zone", "fr-par-1");

        PressResult result = scw.press("Image", "createScalewayImage", scw.image("name", "x", "arch", "x86_64", "rootSnapshot", local));

        assertThat(result.message()).isEqualTo("Image.rootSnapshot: snapshot draft is not at Scaleway yet: create it first");
        verify(0, postRequestedFor(urlPathEqualTo(IMAGES)));
    }

    @Test
    void scalewaysInvalidArgumentsReachTheOperatorWithEachDetail() {
        stubFor(post(IMAGES).willReturn(refusal(400, "error-invalid-arguments.json")));
        String image = scw.image("name", "web-gold", "arch", "x86_64", "rootSnapshot", snapshot);

        PressResult result = scw.press("Image", "createScalewayImage", image);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).startsWith("Scaleway refused the request (HTTP 400, invalid_arguments)")
                .contains("name is required (a server needs a name)", "commercial_type does not respect a constraint");
        assertThat(scw.field("Image", image, "providerSideId")).isNull();
    }
}
