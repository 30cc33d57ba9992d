package io.mvinfra.http;

import java.io.IOException;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import okhttp3.Headers;

/**
 * The one place secrets are taken out of what we write down: log lines, the audit trail and exception messages.
 * Headers by name, JSON fields by name, and any text by the known secret values of the credential in use (a
 * provider may echo a token back in an error message).
 */
public final class Redactor {

    public static final String MASK = "██";

    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "x-auth-token",
            "x-auth-key", "x-subject-token", "x-auth-user-service-key", "cookie", "set-cookie");

    /** Secrets shorter than this are not scrubbed from free text: "abc" would blank every "abc" in a message. */
    private static final int MIN_SCRUBBED_LENGTH = 6;

    private Redactor() {
    }

    public static boolean isSecretHeader(String name) {
        return SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT));
    }

    /** Headers one per line, secret ones masked. */
    public static String headers(Headers headers) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            text.append(name).append(": ").append(isSecretHeader(name) ? MASK : headers.value(i)).append('\n');
        }
        return text.toString();
    }

    /**
     * A field whose name says it holds a secret: {@code password}, {@code secret}, {@code token} and their
     * compounds ({@code secret_key}, {@code applicationCredentialSecret}, {@code access_token}, {@code adminPass}…).
     */
    public static boolean isSecretField(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        return n.contains("password") || n.contains("secret") || n.endsWith("token") || n.equals("adminpass")
                || n.equals("apikey") || n.endsWith("privatekey");
    }

    /**
     * A body fit for a log: JSON fields named like secrets masked (objects under such names are walked, and their
     * {@code id} masked: Keystone's {@code "token": {"id": …}}), then every known secret value scrubbed.
     */
    public static String body(String text, Collection<String> secrets) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String redacted = text;
        String trimmed = text.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                JsonNode tree = Json.SNAKE_CASE.readTree(trimmed);
                redact(tree, false, false);
                redacted = Json.SNAKE_CASE.writeValueAsString(tree);
            } catch (IOException notJson) {
                // Not JSON after all: only the scrub below applies.
            }
        }
        return scrub(redacted, secrets);
    }

    /** Every occurrence of a known secret value replaced by the mask. */
    public static String scrub(String text, Collection<String> secrets) {
        if (text == null) {
            return null;
        }
        String scrubbed = text;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= MIN_SCRUBBED_LENGTH) {
                scrubbed = scrubbed.replace(secret, MASK);
            }
        }
        return scrubbed;
    }

    /** A JSON-patch operation names its field in {@code path}: {@code {"op":"add","path":"/admin_password","value":…}}. */
    private static boolean isSecretPatch(ObjectNode operation) {
        String path = operation.path("path").asText("");
        return operation.has("op") && operation.has("value") && !path.isEmpty()
                && isSecretField(path.substring(path.lastIndexOf('/') + 1));
    }

    /**
     * A console's {@code url} is its key: Nova's noVNC URL carries the console token in its query
     * ({@code {"remote_console": {"url": "…?token=…"}}}, {@code {"console": {"url": …}}} before 2.6).
     */
    private static boolean isConsole(String name) {
        return name.equals("remote_console") || name.equals("console");
    }

    private static void redact(JsonNode node, boolean underSecretName, boolean underConsole) {
        if (node instanceof ObjectNode object && isSecretPatch(object)) {
            object.put("value", MASK);
        } else if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                boolean secretName = isSecretField(field.getKey());
                JsonNode value = field.getValue();
                if (value.isContainerNode()) {
                    redact(value, secretName, isConsole(field.getKey()));
                } else if (!value.isNull() && (secretName || underSecretName && field.getKey().equals("id")
                        || underConsole && field.getKey().equals("url"))) {
                    field.setValue(TextNode.valueOf(MASK));
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isContainerNode()) {
                    redact(array.get(i), underSecretName, false);
                } else if (underSecretName) {
                    array.set(i, TextNode.valueOf(MASK));
                }
            }
        }
    }
}
