package io.mvinfra.scaleway;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static io.mvinfra.scaleway.ScalewayTestbed.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.host.runtime.AuditEntry.Outcome;
import io.mvinfra.host.runtime.PressResult;

/** Image → "Delete on Scaleway" ({@link DeleteImage}): the image goes, its snapshots stay. */
@WireMockTest
class DeleteImageTest {

    private static final String ID = "36ecc902-7f70-42c9-89c0-88ad2811e4bf";
    private static final String IMAGE = "/instance/v1/zones/fr-par-1/images/" + ID;

    private ScalewayTestbed scw;
    private String image;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        scw = ScalewayTestbed.at(wm.getHttpBaseUrl());
        image = scw.image("name", "web-gold", "zone", "fr-par-1", "arch", "x86_64", "providerSideId", ID);
    }

    @AfterEach
    void close() {
        scw.close();
    }

    @Test
    void deletesTheImageThenTheEntity() {
        stubFor(delete(urlPathEqualTo(IMAGE)).willReturn(noContent()));

        PressResult result = scw.press("Image", "deleteScalewayImage", image);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).isEqualTo("Image web-gold deleted at Scaleway (id " + ID + "), its snapshots kept, and removed here");
        assertThat(scw.all("Image", "providerSideId", ID)).isEmpty();
    }

    @Test
    void anImageAlreadyGoneFromScalewayIsRemovedHere() {
        stubFor(delete(urlPathEqualTo(IMAGE)).willReturn(refusal(404, "error-not-found.json")));

        PressResult result = scw.press("Image", "deleteScalewayImage", image);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).startsWith("Image web-gold was already gone from Scaleway");
        assertThat(scw.all("Image", "providerSideId", ID)).isEmpty();
    }

    @Test
    void aDryRunSendsNothing(WireMockRuntimeInfo wm) {
        PressResult result = scw.dryRun("Image", "deleteScalewayImage", image);

        assertThat(result.message()).isEqualTo("Dry run: DELETE " + wm.getHttpBaseUrl() + IMAGE);
        verify(0, deleteRequestedFor(urlPathEqualTo(IMAGE)));
    }
}
