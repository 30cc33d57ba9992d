package io.mvinfra.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.openstack.OpenStackDialect;
import okhttp3.MediaType;
import support.FakeTime;
import support.TestHttp;

/** Bodies beyond JSON, as sent: plain text, a JSON patch, a stream; and answers read as text or as a stream. */
@WireMockTest
class BodiesTest {

    private static final String USER_DATA = "/instance/v1/zones/fr-par-1/servers/s1/user_data/cloud-init";
    private static final String IMAGE = "/v2/images/i1";
    private static final MediaType GLANCE_PATCH = MediaType.get("application/openstack-images-v2.1-json-patch");
    private static final String CLOUD_INIT = "#cloud-config\npackages:\n  - nginx\n";

    private ProviderHttp http;

    @BeforeEach
    void client(WireMockRuntimeInfo wm) {
        http = ProviderHttp.builder(TestHttp.runtime(new FakeTime()), wm.getHttpBaseUrl(), new OpenStackDialect("glance"))
                .auth(Auth.header("X-Auth-Token", "gl-token-5e1f00aa")).build();
    }

    @Test
    void plainTextIsSentAsIsWithItsType() {
        stubFor(patch(urlEqualTo(USER_DATA)).willReturn(aResponse().withStatus(204)));

        http.patch(USER_DATA).body(CLOUD_INIT, MediaType.get("text/plain")).send();

        verify(patchRequestedFor(urlEqualTo(USER_DATA)).withHeader("Content-Type", equalTo("text/plain"))
                .withRequestBody(binaryEqualTo(CLOUD_INIT.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aJsonPatchIsSentAsAListOfOperationsUnderTheProvidersType() {
        stubFor(patch(urlEqualTo(IMAGE)).willReturn(aResponse().withStatus(200).withBody("{\"id\":\"i1\",\"name\":\"web\"}")));

        JsonNode image = http.patch(IMAGE).jsonPatch(List.of(JsonPatch.replace("/name", "web"),
                JsonPatch.add("/os_distro", "debian"), JsonPatch.remove("/hw_disk_bus")), GLANCE_PATCH).read(JsonNode.class);

        assertThat(image.path("name").asText()).isEqualTo("web");
        verify(patchRequestedFor(urlEqualTo(IMAGE))
                .withHeader("Content-Type", equalTo("application/openstack-images-v2.1-json-patch"))
                .withRequestBody(equalToJson("[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"web\"},"
                        + "{\"op\":\"add\",\"path\":\"/os_distro\",\"value\":\"debian\"},{\"op\":\"remove\",\"path\":\"/hw_disk_bus\"}]")));
    }

    @Test
    void aStreamIsSentWithItsLengthAndType() {
        byte[] data = "QFI\u00fb not really an image".getBytes(StandardCharsets.ISO_8859_1);
        stubFor(put(urlEqualTo(IMAGE + "/file")).willReturn(aResponse().withStatus(204)));

        http.put(IMAGE + "/file").upload(() -> new ByteArrayInputStream(data), data.length,
                MediaType.get("application/octet-stream")).send();

        verify(putRequestedFor(urlEqualTo(IMAGE + "/file")).withHeader("Content-Type", equalTo("application/octet-stream"))
                .withHeader("Content-Length", equalTo(String.valueOf(data.length))).withRequestBody(binaryEqualTo(data)));
    }

    @Test
    void aDryRunDescribesAStreamBySizeAndTextWithSecretsMasked() {
        String upload = http.put(IMAGE + "/file").upload(ByteArrayInputStream::nullInputStream, 1L << 30,
                MediaType.get("application/octet-stream")).describe();
        String text = http.patch(USER_DATA).body("token=gl-token-5e1f00aa", MediaType.get("text/plain")).describe();
        String patch = http.patch(IMAGE).jsonPatch(List.of(JsonPatch.replace("/admin_password", "hunter22"))).describe();

        assertThat(upload).endsWith(IMAGE + "/file <1073741824 bytes of application/octet-stream>");
        assertThat(text).endsWith("token=" + Redactor.MASK).doesNotContain("gl-token");
        assertThat(patch).doesNotContain("hunter22");
    }

    @Test
    void aTextAnswerIsReadAsText() {
        stubFor(get(urlEqualTo("/v2.1/servers/s1/console")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain").withBody("login: ")));

        assertThat(http.get("v2.1/servers/s1/console").text()).isEqualTo("login: ");
    }

    @Test
    void aDownloadStreamsTheBodyToTheCaller() {
        stubFor(get(urlEqualTo(IMAGE + "/file")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/octet-stream").withBody(new byte[] {1, 2, 3, 4})));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        long bytes = http.get(IMAGE + "/file").download(out);

        assertThat(bytes).isEqualTo(4);
        assertThat(out.toByteArray()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void aRefusedDownloadIsAProviderException() {
        stubFor(get(urlEqualTo(IMAGE + "/file")).willReturn(aResponse().withStatus(404)
                .withBody("404 Not Found\n\nNo image found with ID i1")));

        assertThatThrownBy(() -> http.get(IMAGE + "/file").download(new ByteArrayOutputStream()))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.NOT_FOUND);
                    assertThat(e.getMessage()).contains("No image found with ID i1");
                });
    }

    @Test
    void aJsonBodyIsStillJson() {
        stubFor(put(urlEqualTo(IMAGE)).willReturn(aResponse().withStatus(204)));

        http.put(IMAGE).body(Map.of("name", "web")).send();

        verify(putRequestedFor(urlEqualTo(IMAGE)).withHeader("Content-Type", equalTo("application/json; charset=UTF-8"))
                .withRequestBody(equalToJson("{\"name\":\"web\"}")));
    }
}
