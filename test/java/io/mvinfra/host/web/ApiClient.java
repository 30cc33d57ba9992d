package io.mvinfra.host.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/** What a script or a tool does to use the API: a cookie jar, the CSRF token from /api/session, JSON. */
public final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Response(int status, String body, java.net.http.HttpHeaders headers) {
        public JsonNode json() {
            try {
                return body.isEmpty() ? MissingNode.getInstance() : JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("not JSON (HTTP " + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + body;
        }
    }

    private final String base;
    private final HttpClient http;
    private final CookieManager cookies = new CookieManager();
    private String csrfToken;

    ApiClient(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Opens the session (loopback host) or reads it, and keeps its CSRF token for the calls that change things. */
    public ApiClient session() {
        Response r = get("/api/session");
        csrfToken = r.json().path("csrfToken").asText(null);
        return this;
    }

    public Response login(String user, String password) {
        Response r = send("POST", "/api/session", Map.of("username", user, "password", password), Map.of());
        csrfToken = r.json().path("csrfToken").asText(null);
        return r;
    }

    public String csrfToken() {
        return csrfToken;
    }

    public Response get(String path) {
        return send("GET", path, null, Map.of());
    }

    public Response post(String path, Object body) {
        return send("POST", path, body, csrf());
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body, csrf());
    }

    public Response delete(String path) {
        return send("DELETE", path, null, csrf());
    }

    private Map<String, String> csrf() {
        return csrfToken == null ? Map.of() : Map.of("X-CSRF-Token", csrfToken);
    }

    public Response send(String method, String path, Object body, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.noBody();
        if (body != null) {
            all.putIfAbsent("Content-Type", "application/json");
            publisher = HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : write(body));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).method(method, publisher);
        all.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
