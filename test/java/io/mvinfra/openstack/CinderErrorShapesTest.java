package io.mvinfra.openstack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static support.Fixtures.fixture;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.http.ProviderException;
import io.mvinfra.http.ProviderException.Kind;
import io.mvinfra.http.ProviderHttp;
import support.FakeTime;
import support.TestHttp;

/**
 * Cinder's refusals, as the loopback Cinder (21.3.1) answered them, through the OpenStack dialect: the fault name as the
 * code, the message as said, the request id; a state that forbids the request ("Invalid volume: …", a 400) is a
 * conflict, a wrong value (another 400) a validation failure.
 */
@WireMockTest
class CinderErrorShapesTest {

    @ParameterizedTest(name = "{0} (HTTP {1}) is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            cinder-gigabytes-over-limit.json      | 413 | QUOTA_EXCEEDED | overLimit    | VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes quota. Requested 3000G, quota is 2000G and 1G has been consumed.
            cinder-volume-not-found.json  | 404 | NOT_FOUND      | itemNotFound | Volume 6f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f could not be found.
            cinder-invalid-volume.json  | 400 | CONFLICT       | badRequest   | Invalid volume: Volume status must be available or error or error_restoring or error_extending or error_managing and must not be migrating, attached, belong to a group, have snapshots, awaiting a transfer, or be disassociated from snapshots after volume transfer.
            cinder-extend-bad-request.json    | 400 | VALIDATION     | badRequest   | Invalid input received: New size for extend must be greater than current size. (current: 1, extended: 1).
            """)
    void mapsEachOfCindersShapesWithItsCode(String fixture, int status, Kind kind, String code, String message, WireMockRuntimeInfo wm) {
        stubFor(get(urlPathEqualTo("/volumes/6f1e2d3c")).willReturn(aResponse().withStatus(status)
                .withHeader("x-openstack-request-id", "req-7b8d8648-042e-4006-aa4d-7b413ab06f6b")
                .withHeader("Content-Type", "application/json").withBody(fixture("openstack/" + fixture))));

        ProviderException e = catchThrowableOfType(ProviderException.class, () -> cinder(wm).get("volumes/6f1e2d3c").send());

        assertThat(e.provider()).isEqualTo("cinder");
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.httpStatus()).isEqualTo(status);
        assertThat(e.providerCodes()).containsExactly(code);
        assertThat(e.providerMessage()).isEqualTo(message);
        assertThat(e.requestId()).isEqualTo("req-7b8d8648-042e-4006-aa4d-7b413ab06f6b");
        assertThat(e.getMessage()).startsWith("cinder refused the request (HTTP " + status + ", " + code + "): " + message);
    }

    private static ProviderHttp cinder(WireMockRuntimeInfo wm) {
        return ProviderHttp.builder(TestHttp.runtime(new FakeTime()), wm.getHttpBaseUrl(), new OpenStackDialect("cinder")).build();
    }
}
