package io.mvinfra.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.mvinfra.http.ProviderException.Kind;

class ProviderExceptionTest {

    @Test
    void refusalReadsWithStatusCodesMessageAndRequestId() {
        ProviderException e = new ProviderException("cloudflare", Kind.CONFLICT, 400, List.of("81057"), "Record already exists.",
                "8c7d1e2f3a4b5c6d-CDG", null);

        assertThat(e.getMessage()).isEqualTo("cloudflare refused the request (HTTP 400, 81057): Record already exists. "
                + "[request id 8c7d1e2f3a4b5c6d-CDG]");
    }

    @Test
    void providerFailureSaysItFailed() {
        ProviderException e = new ProviderException("nova", Kind.PROVIDER_ERROR, 500, List.of("computeFault"),
                "Unexpected API Error.", null, null);

        assertThat(e.getMessage()).isEqualTo("nova failed to serve the request (HTTP 500, computeFault): Unexpected API Error.");
    }

    @Test
    void failureWithoutAnAnswerHasNoStatus() {
        ProviderException e = ProviderException.withoutAnswer("scaleway", Kind.TIMEOUT, "no answer in time", null);

        assertThat(e.getMessage()).isEqualTo("scaleway: no answer in time");
        assertThat(e.httpStatus()).isZero();
        assertThat(e.providerCode()).isNull();
    }

    @Test
    void anEmptyMessageStillSaysSomething() {
        ProviderException e = new ProviderException("scaleway", Kind.NOT_FOUND, 404, List.of(), " ", null, null);

        assertThat(e.getMessage()).isEqualTo("scaleway refused the request (HTTP 404): no details given");
        assertThat(e.providerMessage()).isEqualTo("no details given");
    }

    @Test
    void isAFactThatDoesNotChangeAfterwards() {
        List<String> codes = new ArrayList<>(List.of("81057"));
        ProviderException e = new ProviderException("cloudflare", Kind.CONFLICT, 400, codes, "exists", null, null);

        codes.add("later");

        assertThat(e.providerCodes()).containsExactly("81057");
        assertThatThrownBy(() -> e.providerCodes().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @CsvSource({"400, VALIDATION", "401, AUTH", "403, FORBIDDEN", "404, NOT_FOUND", "409, CONFLICT", "412, CONFLICT",
            "422, VALIDATION", "429, RATE_LIMITED", "500, PROVIDER_ERROR", "502, UNAVAILABLE", "503, UNAVAILABLE",
            "504, UNAVAILABLE", "405, REJECTED", "302, REJECTED"})
    void kindFollowsTheStatusWhenTheProviderSaysNoMore(int status, Kind kind) {
        assertThat(Kind.ofStatus(status)).isEqualTo(kind);
    }
}
