package io.mvinfra.host.web;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * A web host beside a Cloudflare stub on loopback, and optionally the headless browser on it, with what the page tests
 * seed: a zone whose registrar's API base is the stub, signed with a canary token.
 */
final class CloudflareWeb implements AutoCloseable {
    static final String ZONE_ID = "023e105f4ecef8ad9ca31a8372d0c353";
    static final String RECORD_ID = "372e67954025e0ba6aaa6d586b9e0b59";

    final WireMockServer cloudflare;
    final WebHost web;
    final ApiClient api;
    final Browser browser;

    private CloudflareWeb(boolean withBrowser, String... overlays) {
        if (withBrowser) {
            Browser.requireChromium();
        }
        cloudflare = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        cloudflare.start();
        web = WebHost.start(overlays);
        api = web.client().session();
        browser = withBrowser ? Browser.open(web.baseUrl()) : null;
    }

    static CloudflareWeb withBrowser(String... overlays) {
        return new CloudflareWeb(true, overlays);
    }

    static CloudflareWeb apiOnly(String... overlays) {
        return new CloudflareWeb(false, overlays);
    }

    /** A Cloudflare API-token credential for {@code domain}; its uuid. */
    String credential(String domain) {
        return api.post("/api/entities/Credential", Map.of("fields", Map.of("domainName", domain,
                "authenticationType", "CLOUDFLARE_API_TOKEN", "token", "CANARY-cf-web-token"))).json().path("uuid").asText();
    }

    /** A CLOUDFLARE provider whose API base is the stub; its uuid. */
    String provider(String code, String credential) {
        return api.post("/api/entities/ServiceProvider", Map.of("fields", Map.of("code", code, "kind", "CLOUDFLARE",
                "apiBaseUrl", cloudflare.baseUrl() + "/client/v4", "credential", credential))).json().path("uuid").asText();
    }

    /** The domain {@code name}, linked to the stub's zone {@value #ZONE_ID} through a provider of its own; its uuid. */
    String zone(String name, String providerCode) {
        String provider = provider(providerCode, credential(name));
        return api.post("/api/entities/DomainName", Map.of("fields", Map.of("name", name, "registrar", provider,
                "providerSideId", ZONE_ID, "status", "active"))).json().path("uuid").asText();
    }

    @Override
    public void close() {
        if (browser != null) {
            browser.close();
        }
        web.close();
        cloudflare.stop();
    }
}
