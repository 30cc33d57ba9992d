package io.mvinfra.http;

import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * A provider's answer, read whole: status, headers, the body as text and, when it is JSON, parsed.
 *
 * @param json the parsed body, or a {@link MissingNode} when the body is empty or not JSON
 */
public record ProviderResponse(String method, HttpUrl url, int status, Headers headers, String text, JsonNode json) {

    public static ProviderResponse of(String method, HttpUrl url, int status, Headers headers, String text) {
        return new ProviderResponse(method, url, status, headers, text, parse(text));
    }

    /** Reads and closes the body. */
    public static ProviderResponse read(Response response) throws IOException {
        try (ResponseBody body = response.body()) {
            String text = body == null ? "" : body.string();
            return of(response.request().method(), response.request().url(), response.code(), response.headers(), text);
        }
    }

    public boolean isSuccessful() {
        return status >= 200 && status < 300;
    }

    /** 304: what was asked for has not changed since the caller's {@code If-None-Match} or {@code changes-since}. */
    public boolean notModified() {
        return status == 304;
    }

    /**
     * Why the body does not read as JSON, or empty when it does (or is empty): {@code "Unexpected end-of-input …"}
     * for a document cut short, {@code "not JSON: <html>…"} for a proxy's page.
     */
    public Optional<String> jsonProblem() {
        String trimmed = text == null ? "" : text.strip();
        if (!json.isMissingNode() || trimmed.isEmpty()) {
            return Optional.empty();
        }
        if (trimmed.charAt(0) != '{' && trimmed.charAt(0) != '[') {
            return Optional.of("not JSON: " + (trimmed.length() <= 40 ? trimmed : trimmed.substring(0, 40) + "…"));
        }
        try {
            Json.SNAKE_CASE.readTree(trimmed);
            return Optional.empty();
        } catch (JsonProcessingException malformed) {
            return Optional.of(malformed.getOriginalMessage());
        }
    }

    public String header(String name) {
        return headers.get(name);
    }

    /** The same answer with its body rewritten, e.g. scrubbed of secrets before an error is built from it. */
    public ProviderResponse withText(String newText) {
        return of(method, url, status, headers, newText);
    }

    /**
     * The body as a line an operator can read, for answers without the provider's error shape: an RFC 9457 problem
     * (a gateway's, Prism's) as its title and detail; a proxy's HTML page or Glance's plain-text 404 with tags
     * dropped and spaces collapsed; cut at 300 characters.
     */
    public String summary() {
        String line;
        if (json.hasNonNull("title") || json.hasNonNull("detail")) {
            line = (json.path("title").asText("") + ": " + json.path("detail").asText("")).replaceAll("^: |: $", "");
        } else {
            line = text == null ? "" : text.replaceAll("(?s)<head>.*?</head>|<[^>]+>", " ").replaceAll("\\s+", " ").strip();
        }
        if (line.isEmpty()) {
            return "HTTP " + status + " without a description";
        }
        return line.length() <= 300 ? line : line.substring(0, 300) + "…";
    }

    /** Headers and body stay out: either may carry a secret (Keystone's X-Subject-Token, an echoed token). */
    @Override
    public String toString() {
        return "ProviderResponse[" + method + " " + url + " -> " + status + "]";
    }

    private static JsonNode parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty() || trimmed.charAt(0) != '{' && trimmed.charAt(0) != '[') {
            return MissingNode.getInstance();
        }
        try {
            return Json.SNAKE_CASE.readTree(trimmed);
        } catch (IOException notJson) {
            return MissingNode.getInstance();
        }
    }
}
