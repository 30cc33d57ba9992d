package io.mvinfra.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

import okhttp3.Headers;

class RedactorTest {

    @Test
    void masksSecretHeadersWhateverTheirCase() {
        Headers headers = Headers.of("authorization", "Bearer t0ken-value", "X-AUTH-TOKEN", "abc123456", "X-Subject-Token", "gAAAA",
                "X-Auth-Key", "k3y-value", "Content-Type", "application/json");

        String text = Redactor.headers(headers);

        assertThat(text).isEqualTo("authorization: ██\nX-AUTH-TOKEN: ██\nX-Subject-Token: ██\nX-Auth-Key: ██\n"
                + "Content-Type: application/json\n");
    }

    @Test
    void masksSecretFieldsAtAnyDepthAndKeepsTheRest() {
        String body = "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"demo\","
                + "\"password\":\"p4ss\"}}}},\"secret_key\":\"sk\",\"adminPass\":\"ap\",\"items\":[{\"access_token\":\"at\"}],"
                + "\"token\":{\"id\":\"tid\",\"expires_at\":\"2026-01-15T11:00:00Z\"}}";

        String redacted = Redactor.body(body, Set.of());

        assertThat(redacted).isEqualTo("{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"demo\","
                + "\"password\":\"██\"}}}},\"secret_key\":\"██\",\"adminPass\":\"██\",\"items\":[{\"access_token\":\"██\"}],"
                + "\"token\":{\"id\":\"██\",\"expires_at\":\"2026-01-15T11:00:00Z\"}}");
    }

    @Test
    void masksAConsolesUrlWhoseQueryCarriesItsTokenButNoOtherUrl() {
        String body = "{\"remote_console\":{\"protocol\":\"vnc\",\"type\":\"novnc\",\"url\":\"http://h:6080/vnc_auto.html?path=%3Ftoken%3Dt0k\"},"
                + "\"links\":[{\"rel\":\"self\",\"url\":\"http://h/servers/1\"}]}";

        String redacted = Redactor.body(body, Set.of());

        assertThat(redacted).isEqualTo("{\"remote_console\":{\"protocol\":\"vnc\",\"type\":\"novnc\",\"url\":\"██\"},"
                + "\"links\":[{\"rel\":\"self\",\"url\":\"http://h/servers/1\"}]}");
    }

    @Test
    void scrubsKnownSecretValuesFromAnyText() {
        String text = "<html>token abcdef123 refused</html>";

        assertThat(Redactor.body(text, Set.of("abcdef123"))).isEqualTo("<html>token ██ refused</html>");
    }

    @Test
    void leavesShortValuesAloneRatherThanBlankingCommonWords() {
        assertThat(Redactor.scrub("the id is abc", Set.of("abc"))).isEqualTo("the id is abc");
    }

    @Test
    void namesSecretFieldsByTheirWords() {
        assertThat(Set.of("password", "applicationCredentialSecret", "secret_key", "api-key", "X-Subject-Token", "refresh_token", "adminPass"))
                .allMatch(Redactor::isSecretField);
        assertThat(Set.of("name", "id", "token_expiry", "methods", "expires_at")).noneMatch(Redactor::isSecretField);
    }
}
