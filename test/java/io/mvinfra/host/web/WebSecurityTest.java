package io.mvinfra.host.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.mvinfra.host.web.ApiClient.Response;

/** Safe by default on a loopback-only host: CSRF on every change, headers, no other site or Host name. */
class WebSecurityTest {
    private static WebHost web;

    @BeforeAll
    static void start() {
        web = WebHost.start();
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    @Test
    void refusesAChangeWithoutTheSessionsCsrfToken() {
        ApiClient noSession = web.client();
        ApiClient withSession = web.client().session();
        Map<String, Object> body = Map.of("fields", Map.of("code", "csrf", "kind", "CLOUDFLARE"));

        Response without = noSession.post("/api/entities/ServiceProvider", body);
        Response noHeader = withSession.send("POST", "/api/entities/ServiceProvider", body, Map.of());
        Response wrong = withSession.send("POST", "/api/entities/ServiceProvider", body, Map.of("X-CSRF-Token", "guess"));
        Response right = withSession.post("/api/entities/ServiceProvider", body);

        assertThat(without.status()).isEqualTo(403);
        assertThat(without.json().path("error").asText()).contains("GET /api/session");
        assertThat(noHeader.status()).isEqualTo(403);
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(right.status()).isEqualTo(201);
        assertThat(withSession.get("/api/entities/ServiceProvider?q=csrf").json().path("total").asLong()).isEqualTo(1);
    }

    @Test
    void refusesEveryKindOfChangeWithoutTheToken() {
        ApiClient api = web.client().session();
        String uuid = api.post("/api/entities/ServiceProvider", Map.of("fields", Map.of("code", "csrf-kinds", "kind", "CLOUDFLARE")))
                .json().path("uuid").asText();

        assertThat(api.send("PUT", "/api/entities/ServiceProvider/" + uuid, Map.of("version", 1, "fields", Map.of()), Map.of()).status())
                .isEqualTo(403);
        assertThat(api.send("DELETE", "/api/entities/ServiceProvider/" + uuid, null, Map.of()).status()).isEqualTo(403);
        assertThat(api.send("DELETE", "/api/session", null, Map.of()).status()).isEqualTo(403);
        assertThat(api.get("/api/entities/ServiceProvider/" + uuid).status()).isEqualTo(200);
    }

    @Test
    void refusesAFormPostAndAForeignOrigin() {
        ApiClient api = web.client().session();

        Response form = api.send("POST", "/api/entities/ServiceProvider", "code=x",
                Map.of("X-CSRF-Token", api.csrfToken(), "Content-Type", "application/x-www-form-urlencoded"));
        Response foreign = api.send("POST", "/api/entities/ServiceProvider", Map.of("fields", Map.of()),
                Map.of("X-CSRF-Token", api.csrfToken(), "Origin", "https://evil.example"));
        Response sameOrigin = api.send("POST", "/api/entities/ServiceProvider", Map.of("fields", Map.of("code", "origin", "kind", "CLOUDFLARE")),
                Map.of("X-CSRF-Token", api.csrfToken(), "Origin", web.baseUrl()));

        assertThat(form.status()).isEqualTo(415);
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(sameOrigin.status()).isEqualTo(201);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteStrict() {
        Response r = web.client().get("/api/session");

        assertThat(r.header("Set-Cookie")).contains("mvinfra_session_" + web.port() + "=").contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
        assertThat(r.json().path("loginRequired").asBoolean()).isFalse();
        assertThat(r.json().path("user").asText()).isEqualTo(System.getProperty("user.name"));
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        ApiClient api = web.client();
        for (Response r : new Response[] {api.get("/"), api.get("/api/module"), api.get("/api/nothing")}) {
            assertThat(r.header("Content-Security-Policy")).as(r.toString()).contains("script-src 'self'").contains("frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline");
            assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
        }
        assertThat(api.get("/api/module").header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void refusesAForeignHostNameAgainstDnsRebinding() throws IOException {
        String foreign = rawGet("/api/module", "attacker.example:" + web.port());
        String loopback = rawGet("/api/module", "localhost:" + web.port());

        assertThat(foreign).startsWith("HTTP/1.1 421");
        assertThat(loopback).startsWith("HTTP/1.1 200");
    }

    /** The JDK client will not send a Host header of our choosing; a socket will. */
    private static String rawGet(String path, String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", web.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
