package io.mvinfra.scaleway.userdata;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.mvinfra.http.ProviderCall;
import io.mvinfra.http.ProviderHttp;
import io.mvinfra.http.ProviderResponse;
import okhttp3.MediaType;

/**
 * A server's user data ({@code /instance/v1/zones/{zone}/servers/{id}/user_data}): keys a server reads from its
 * metadata service (cloud-init, say). A value travels as the bytes themselves, not as JSON: {@code text/plain} both ways.
 */
public final class UserDataClient {

    /** What Scaleway takes a value as (scaleway-sdk-go's SetServerUserData sends a reader as text/plain). */
    public static final MediaType TEXT_PLAIN = MediaType.get("text/plain");

    private static final String KEYS = "instance/v1/zones/{zone}/servers/{server_id}/user_data";
    private static final String KEY = KEYS + "/{key}";

    private final ProviderHttp http;

    public UserDataClient(ProviderHttp http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    /** The server's keys ({@code {"user_data": ["cloud-init", …]}}: one answer, not paged). */
    public List<String> keys(String zone, String serverId) {
        return http.get(KEYS, zone, serverId).read(Keys.class).userData();
    }

    /** The value of {@code key} as it was set, with its content type. */
    public Value value(String zone, String serverId, String key) {
        ProviderResponse answer = http.get(KEY, zone, serverId, key).send();
        String type = answer.header("Content-Type");
        return new Value(key, answer.text() == null ? "" : answer.text(), type == null ? TEXT_PLAIN.toString() : type);
    }

    /** Adds or replaces the value of {@code key}; setting a value is safe to send again. */
    public ProviderCall<String> set(String zone, String serverId, String key, String content) {
        return ProviderCall.answering(http.patch(KEY, zone, serverId, key).body(content, TEXT_PLAIN).safeToResend(), key);
    }

    public ProviderCall<String> delete(String zone, String serverId, String key) {
        return ProviderCall.answering(http.delete(KEY, zone, serverId, key), key);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Keys(List<String> userData) {
        Keys {
            userData = userData == null ? List.of() : List.copyOf(userData);
        }
    }

    /** One key's value, as the server reads it. */
    public record Value(String key, String content, String contentType) {
    }
}
