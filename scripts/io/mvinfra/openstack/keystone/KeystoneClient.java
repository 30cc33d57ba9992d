package io.mvinfra.openstack.keystone;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mvinfra.http.HttpRuntime;
import io.mvinfra.http.ProviderException;
import io.mvinfra.http.ProviderHttp;
import io.mvinfra.http.ProviderResponse;
import okhttp3.HttpUrl;
import io.mvinfra.openstack.OpenStackDialect;

/** Keystone v3's token API: issue a token, read a token's catalog. */
public final class KeystoneClient {

    private final ProviderHttp keystone;

    public KeystoneClient(ProviderHttp keystone) {
        this.keystone = keystone;
    }

    /**
     * A client of the Keystone at {@code keystoneUrl}, given with or without its {@code /v3}
     * ({@code https://auth.cloud.ovh.net/v3}, {@code http://127.0.0.1:5000}).
     */
    public static KeystoneClient at(HttpRuntime runtime, String keystoneUrl) {
        return new KeystoneClient(ProviderHttp.builder(runtime, v3(keystoneUrl), new OpenStackDialect("keystone")).build());
    }

    /** {@code POST /v3/auth/tokens}: the token from {@code X-Subject-Token}, its lifetime and catalog from the body. */
    public KeystoneToken authenticate(KeystoneCredentials credentials) {
        ProviderResponse answer = keystone.post("auth/tokens")
                .body(Map.of("auth", credentials.authRequest()))
                // A second token does no harm: safe to send again when Keystone is briefly unavailable.
                .safeToResend()
                .send();
        String value = answer.header("X-Subject-Token");
        if (value == null || value.isBlank()) {
            throw unexpected("issued a token without an X-Subject-Token header");
        }
        JsonNode token = answer.json().path("token");
        Catalog catalog = token.has("catalog") ? catalog(token.path("catalog")) : null;
        return new KeystoneToken(value, instant(token, "issued_at", false), instant(token, "expires_at", true),
                token.path("project").path("id").asText(null), catalog);
    }

    /** {@code GET /v3/auth/catalog}: the catalog of a token read back from storage, which has none with it. */
    public Catalog catalog(String token) {
        ProviderResponse answer = keystone.get("auth/catalog").header("X-Auth-Token", token).send();
        return catalog(answer.json().path("catalog"));
    }

    private Catalog catalog(JsonNode services) {
        ObjectMapper json = keystone.dialect().json();
        return new Catalog(List.of(json.convertValue(services, Catalog.Service[].class)));
    }

    private static Instant instant(JsonNode token, String field, boolean required) {
        JsonNode value = token.path(field);
        if (!value.isTextual()) {
            if (required) {
                throw unexpected("issued a token without " + field);
            }
            return null;
        }
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw unexpected("issued a token with an unreadable " + field + " '" + value.asText() + "'");
        }
    }

    static String v3(String keystoneUrl) {
        HttpUrl url = HttpUrl.parse(keystoneUrl == null ? "" : keystoneUrl.strip());
        if (url == null) {
            throw ProviderException.withoutAnswer("keystone", ProviderException.Kind.CONFIGURATION,
                    "'" + keystoneUrl + "' is not a Keystone URL (e.g. https://auth.cloud.ovh.net/v3)", null);
        }
        List<String> segments = url.pathSegments().stream().filter(s -> !s.isEmpty()).toList();
        if (!segments.isEmpty() && segments.get(segments.size() - 1).equals("v3")) {
            return url.newBuilder().addPathSegment("").build().toString();
        }
        if (!segments.isEmpty() && segments.get(segments.size() - 1).startsWith("v2")) {
            throw ProviderException.withoutAnswer("keystone", ProviderException.Kind.CONFIGURATION,
                    keystoneUrl + " is Keystone v2, retired by OpenStack: give the v3 URL", null);
        }
        return url.newBuilder().addPathSegment("v3").addPathSegment("").build().toString();
    }

    private static ProviderException unexpected(String what) {
        return ProviderException.withoutAnswer("keystone", ProviderException.Kind.UNEXPECTED_ANSWER, "Keystone " + what, null);
    }
}
