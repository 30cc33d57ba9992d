package io.mvinfra.host.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.mvinfra.host.web.ApiClient.Response;

/**
 * Canary: secret values written through the API never come back in any answer, whatever the route. The
 * mask says a secret is set; sending the mask back keeps it; the store still holds the real value.
 */
class SecretsNeverLeaveTest {
    private static final String TOKEN = "CANARY-token-3f9a1c";
    private static final String PASSWORD = "CANARY-password-77e0";
    private static final String API_KEY = "CANARY-apikey-b41d";
    private static WebHost web;
    private static ApiClient api;
    private static final List<Response> answers = new ArrayList<>();

    @BeforeAll
    static void start() {
        web = WebHost.start("web-api");
        api = web.client().session();
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    @Test
    void noAnswerCarriesASecretValue() {
        Response created = keep(api.post("/api/entities/Credential", Map.of("fields", Map.of("domainName", "example.com",
                "authenticationType", "CLOUDFLARE_API_TOKEN", "token", TOKEN, "password", PASSWORD, "apiKey", API_KEY))));
        String uuid = created.json().path("uuid").asText();
        String provider = keep(api.post("/api/entities/ServiceProvider", Map.of("fields", Map.of("code", "canary-cf", "kind", "CLOUDFLARE",
                "credential", uuid)))).json().path("uuid").asText();
        keep(api.get("/api/entities/Credential/" + uuid));
        keep(api.get("/api/entities/Credential"));
        Response searched = keep(api.get("/api/entities/Credential?q=CANARY"));
        Response updated = keep(api.put("/api/entities/Credential/" + uuid, Map.of("version", 1,
                "fields", Map.of("token", "******", "username", "ops"))));
        Response tooLong = keep(api.put("/api/entities/Credential/" + uuid, Map.of("version", 2,
                "fields", Map.of("password", PASSWORD + "x".repeat(1000)))));
        keep(api.get("/api/entities/ServiceProvider/" + provider));
        keep(api.get("/api/entities/ServiceProvider/" + provider + "/actions"));
        keep(api.post("/api/entities/ServiceProvider/" + provider + "/actions/echoParameters", Map.of()));
        keep(api.get("/api/presses"));
        keep(api.get("/api/audit"));
        keep(api.get("/api/module"));

        assertThat(created.json().path("fields").path("token").asText()).isEqualTo("******");
        assertThat(created.json().path("fields").has("refreshToken")).as("an unset secret is absent").isFalse();
        assertThat(searched.json().path("total").asLong()).as("secrets are not searchable").isZero();
        assertThat(updated.status()).isEqualTo(200);
        assertThat(tooLong.status()).isEqualTo(422);
        for (Response r : answers) {
            assertThat(r.body()).as(r.toString()).doesNotContain("CANARY").doesNotContain("enc:v1:");
        }
        var stored = web.host().store().require("Credential", uuid);
        assertThat(web.host().store().reveal(stored)).as("the mask sent back kept the real value")
                .containsEntry("token", TOKEN).containsEntry("password", PASSWORD).containsEntry("username", "ops");
    }

    @Test
    void anEmptySecretClearsIt() {
        String uuid = api.post("/api/entities/Credential", Map.of("fields", Map.of("authenticationType", "HEADER", "headerKey", "X-Key",
                "headerValue", "CANARY-header"))).json().path("uuid").asText();

        Response cleared = api.put("/api/entities/Credential/" + uuid, Map.of("version", 1, "fields", Map.of("headerValue", "")));

        assertThat(cleared.json().path("fields").has("headerValue")).isFalse();
        assertThat(cleared.body()).doesNotContain("CANARY");
    }

    private static Response keep(Response r) {
        answers.add(r);
        return r;
    }
}
