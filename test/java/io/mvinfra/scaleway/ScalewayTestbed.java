package io.mvinfra.scaleway;

import java.util.List;
import java.util.Map;

import support.ModuleTestbed;

/**
 * The module as a Scaleway operator has it: a SCALEWAY ServiceProvider whose API is {@code apiBaseUrl} (a WireMock
 * stub or Prism), working in fr-par-1 and nl-ams-1 on servers named {@code dev-…} or {@code int…}, and its secret key.
 */
final class ScalewayTestbed extends ModuleTestbed {

    static final String SECRET_KEY = "scw-secret-7d1f0c2e-4b9a-4e7d-8c1b-do-not-leak";

    final String credential;
    final String provider;

    private ScalewayTestbed(String apiBaseUrl) {
        this.credential = create("Credential", Map.of("domainName", "api.scaleway.com",
                "authenticationType", "SCALEWAY_SECRET_KEY", "accessKey", "SCWXXXXXXXXXXXXXXXXX", "apiKey", SECRET_KEY));
        this.provider = create("ServiceProvider", Map.of("code", "scw-main", "kind", "SCALEWAY", "apiBaseUrl", apiBaseUrl,
                "credential", credential, "zones", List.of("fr-par-1", "nl-ams-1"), "serverNameFilter", List.of("dev-", "int")));
    }

    static ScalewayTestbed at(String apiBaseUrl) {
        return new ScalewayTestbed(apiBaseUrl);
    }

    /** A Server of this provider: {@code server("instanceName", "dev-web-1", "zone", "fr-par-1", …)}. */
    String server(Object... fieldsAndValues) {
        return create("Server", fields("provider", provider, fieldsAndValues));
    }
}
