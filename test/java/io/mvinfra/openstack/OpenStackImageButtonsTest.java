package io.mvinfra.openstack;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static support.Fixtures.fixture;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.host.runtime.AuditEntry.Outcome;
import io.mvinfra.host.runtime.PressResult;
import io.mvinfra.host.store.StoredEntity;
import support.FakeTime;

/**
 * The Image buttons against stubs of Keystone and Glance: the JSON patch an update sends and its media type, a list
 * over two pages joined by {@code next}, a delete of what Glance no longer has.
 */
@WireMockTest
class OpenStackImageButtonsTest {

    private static final String IMAGE = "7e1f0a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b";
    private static final String GLANCE_IMAGE = "/image/v2/images/" + IMAGE;

    private OpenStackTestbed os;
    private int port;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        port = wm.getHttpPort();
        stubFor(post(urlPathEqualTo("/v3/auth/tokens")).willReturn(aResponse().withStatus(201).withHeader("X-Subject-Token", "tok-1")
                .withHeader("Content-Type", "application/json")
                .withBody(fixture("openstack/keystone-token-stub-catalog.json").replace("BASE", wm.getHttpBaseUrl()))));
        os = OpenStackTestbed.at(wm.getHttpBaseUrl() + "/v3", "dev-", new FakeTime());
    }

    @AfterEach
    void close() {
        os.close();
    }

    private static String glanceImage(String name, String tags) {
        return fixture("openstack/glance-image-snapshot.json").replace("STATUS", "active").replace("SIZE", "1048576")
                .replace("\"dev-web-1-snap\"", "\"" + name + "\"").replace("\"tags\": []", "\"tags\": " + tags);
    }

    @Test
    void anUpdateSendsOnlyWhatDiffersAsAJsonPatchInGlancesMediaType() {
        String image = os.create("Image", "name", "web-snap", "providerSideId", IMAGE, "provider", os.provider,
                "tags", List.of("backup", "web"));
        stubFor(get(urlPathEqualTo(GLANCE_IMAGE)).willReturn(okJson(glanceImage("dev-web-1-snap", "[\"backup\"]"))));
        stubFor(patch(urlPathEqualTo(GLANCE_IMAGE)).willReturn(okJson(glanceImage("web-snap", "[\"backup\", \"web\"]"))));

        PressResult dry = os.dryRun("Image", "updateOpenStackImage", image);
        PressResult result = os.press("Image", "updateOpenStackImage", image);

        assertThat(dry.message()).isEqualTo("Dry run: PATCH http://localhost:" + port + GLANCE_IMAGE
                + " [{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"web-snap\"},{\"op\":\"replace\",\"path\":\"/tags\",\"value\":[\"backup\",\"web\"]}]");
        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).isEqualTo("Image web-snap updated at Glance: name, tags");
        verify(1, patchRequestedFor(urlPathEqualTo(GLANCE_IMAGE))
                .withHeader("Content-Type", equalTo("application/openstack-images-v2.1-json-patch"))
                .withHeader("X-Auth-Token", equalTo("tok-1"))
                .withRequestBody(equalToJson("[{\"op\": \"replace\", \"path\": \"/name\", \"value\": \"web-snap\"},"
                        + " {\"op\": \"replace\", \"path\": \"/tags\", \"value\": [\"backup\", \"web\"]}]")));
        assertThat(os.field("Image", image, "state")).isEqualTo("active");
    }

    @Test
    void anImageAsGlanceHasItSendsNoPatch() {
        String image = os.create("Image", "name", "web-snap", "providerSideId", IMAGE, "provider", os.provider, "tags", List.of("web"));
        stubFor(get(urlPathEqualTo(GLANCE_IMAGE)).willReturn(okJson(glanceImage("web-snap", "[\"web\"]"))));

        PressResult result = os.press("Image", "updateOpenStackImage", image);

        assertThat(result.message()).startsWith("Image web-snap: nothing to change at Glance");
        verify(0, patchRequestedFor(anyUrl()));
    }

    @Test
    void listImagesFollowsNextAndMarksWhatGlanceNoLongerHas() {
        String gone = os.create("Image", "name", "old", "providerSideId", IMAGE, "provider", os.provider);
        stubFor(get(urlPathEqualTo("/image/v2/images")).withQueryParam("marker", absent())
                .willReturn(okJson(fixture("openstack/glance-images-page-1.json").replace("\"/v2/images", "\"/image/v2/images"))));
        stubFor(get(urlPathEqualTo("/image/v2/images")).withQueryParam("marker", equalTo("0f7c2a9e-0000-4000-8000-000000000002"))
                .willReturn(okJson(fixture("openstack/glance-images-page-2.json"))));

        PressResult result = os.press("ServiceProvider", "listOpenStackImages", os.provider);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(os.all("Image", "provider", os.provider)).extracting(e -> (String) e.value("name"))
                .containsExactlyInAnyOrder("cirros-fake", "debian-12", "ubuntu-24.04", "old");
        assertThat(os.field("Image", gone, "missingAtProvider")).isEqualTo(Boolean.TRUE);
    }

    @Test
    void deletingAnImageGlanceNoLongerHasStillRemovesItHere() {
        String image = os.create("Image", "name", "web-snap", "providerSideId", IMAGE, "provider", os.provider);
        stubFor(delete(urlPathEqualTo(GLANCE_IMAGE)).willReturn(aResponse().withStatus(404).withHeader("Content-Type", "text/html")
                .withBody(fixture("openstack/glance-not-found.html"))));

        PressResult result = os.press("Image", "deleteOpenStackImage", image);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).isEqualTo("Image web-snap was already gone from OpenStack (id " + IMAGE + "), removed here");
        verify(1, deleteRequestedFor(urlPathEqualTo(GLANCE_IMAGE)));
        assertThat(os.all("Image", "providerSideId", IMAGE)).isEmpty();
    }
}
