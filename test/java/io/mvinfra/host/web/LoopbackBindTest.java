package io.mvinfra.host.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mvinfra.host.Host;
import io.mvinfra.host.HostSettings;

/** Only the README's loopback binds (127.0.0.1, ::1, localhost) serve without a login. */
class LoopbackBindTest {

    @Test
    void onlyTheThreeLoopbackNamesNeedNoLogin() {
        assertThat(WebSettings.forBind("127.0.0.1", 0).loginRequired()).isFalse();
        assertThat(WebSettings.forBind("::1", 0).loginRequired()).isFalse();
        assertThat(WebSettings.forBind("localhost", 0).loginRequired()).isFalse();
        assertThat(WebSettings.forBind("127.0.0.2", 0).loginRequired()).isTrue();
        assertThat(WebSettings.forBind("127.1", 0).loginRequired()).isTrue();
        assertThat(WebSettings.forBind("0.0.0.0", 0).loginRequired()).isTrue();
    }

    @Test
    void aServerOn127002AsksForALogin() throws Exception {
        Path home = Files.createTempDirectory("mvinfra-web-");
        Path module = TestModule.assemble(home.resolve("module"));
        try (Host host = Host.open(HostSettings.from(Map.of(), home, null, module));
             WebServer web = WebServer.start(host, WebSettings.forBind("127.0.0.2", 0))) {
            ApiClient client = new ApiClient("http://127.0.0.2:" + web.port());

            ApiClient.Response module1 = client.get("/api/module");
            ApiClient.Response session = client.get("/api/session");

            assertThat(module1.status()).isEqualTo(401);
            assertThat(session.json().path("loginRequired").asBoolean()).isTrue();
        }
    }
}
