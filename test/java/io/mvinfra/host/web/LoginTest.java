package io.mvinfra.host.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.mvinfra.host.web.ApiClient.Response;

/**
 * Bound beyond loopback (0.0.0.0, called here on 127.0.0.1), the host requires a login against the users
 * it stores, and still requires the CSRF token once logged in.
 */
class LoginTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static WebHost web;

    @BeforeAll
    static void start() {
        web = WebHost.start(true);
        web.users().add("alice", PASSWORD.toCharArray());
        web.users().add("bob", PASSWORD.toCharArray());
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    @Test
    void theApiNeedsALoginButThePageAndHealthDoNot() {
        ApiClient anonymous = web.client();

        assertThat(anonymous.get("/api/module").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/entities/DnsRecord").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/audit").status()).isEqualTo(401);
        assertThat(anonymous.post("/api/entities/DnsRecord", Map.of("fields", Map.of())).status()).isEqualTo(401);
        assertThat(anonymous.get("/api/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/").status()).isEqualTo(200);
        Response session = anonymous.get("/api/session");
        assertThat(session.json().path("loginRequired").asBoolean()).isTrue();
        assertThat(session.json().path("authenticated").asBoolean()).isFalse();
        assertThat(session.json().has("csrfToken")).isFalse();
    }

    @Test
    void aWrongPasswordOrAnUnknownUserGetTheSameAnswer() {
        Response wrongPassword = web.client().login("alice", "not the password at all");
        Response unknownUser = web.client().login("mallory", PASSWORD);

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownUser.status()).isEqualTo(401);
        assertThat(wrongPassword.json().path("error").asText()).isEqualTo(unknownUser.json().path("error").asText())
                .isEqualTo("wrong user name or password");
    }

    @Test
    void aLoggedInUserWorksWithTheTokenAndIsTheOneAudited() {
        ApiClient alice = web.client();

        Response login = alice.login("alice", PASSWORD);
        Response withoutToken = alice.send("POST", "/api/entities/ServiceProvider", Map.of("fields", Map.of("code", "a", "kind", "CLOUDFLARE")),
                Map.of());
        Response created = alice.post("/api/entities/ServiceProvider", Map.of("fields", Map.of("code", "alice-sp", "kind", "CLOUDFLARE")));

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().path("user").asText()).isEqualTo("alice");
        assertThat(login.header("Set-Cookie")).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
        assertThat(withoutToken.status()).isEqualTo(403);
        assertThat(created.status()).isEqualTo(201);
        assertThat(alice.get("/api/session").json().path("user").asText()).isEqualTo("alice");
    }

    @Test
    void loggingOutEndsTheSession() {
        ApiClient alice = web.client();
        alice.login("alice", PASSWORD);

        Response out = alice.delete("/api/session");

        assertThat(out.status()).isEqualTo(204);
        assertThat(alice.get("/api/module").status()).isEqualTo(401);
    }

    @Test
    void removingAUserEndsTheirSessions() {
        web.users().add("carol", PASSWORD.toCharArray());
        ApiClient carol = web.client();
        carol.login("carol", PASSWORD);
        assertThat(carol.get("/api/module").status()).isEqualTo(200);

        web.users().remove("carol");

        assertThat(carol.get("/api/module").status()).isEqualTo(401);
    }

    @Test
    void repeatedFailuresForOneNameAreThrottled() {
        for (int i = 0; i < 5; i++) {
            assertThat(web.client().login("bob", "wrong guess number " + i).status()).isEqualTo(401);
        }

        Response throttled = web.client().login("bob", PASSWORD);

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isNotBlank();
        assertThat(throttled.json().path("error").asText()).contains("too many failed logins");
    }

    @Test
    void theLoginItselfMustBeJson() {
        Response form = web.client().send("POST", "/api/session", "username=alice&password=x",
                Map.of("Content-Type", "application/x-www-form-urlencoded"));

        assertThat(form.status()).isEqualTo(415);
    }
}
