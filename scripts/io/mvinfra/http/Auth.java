package io.mvinfra.http;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import okhttp3.Request;

/**
 * How a credential signs a request. Static kinds are header sets ({@link #bearer}, {@link #header},
 * {@link #headers}); a token obtained from an identity service (Keystone) implements {@link #renewAfterRejection}.
 */
public interface Auth {

    /** No credentials: Keystone's own token request, a public endpoint. */
    Auth NONE = new Auth() {
        @Override
        public Request authorize(Request request) {
            return request;
        }

        @Override
        public String toString() {
            return "Auth.NONE";
        }
    };

    /** The request with this credential's headers; called for every attempt, so a renewed token is used at once. */
    Request authorize(Request request);

    /**
     * After a 401 to {@code rejected}: renew what was sent and say whether sending once more is worth it. Only a
     * credential that can renew itself says yes; a static key would just be refused again.
     */
    default boolean renewAfterRejection(Request rejected) {
        return false;
    }

    /** The secret values in use, scrubbed from anything written down (a provider may echo them back). */
    default Set<String> secrets() {
        return Set.of();
    }

    static Auth bearer(String token) {
        return header("Authorization", "Bearer " + token);
    }

    static Auth header(String name, String value) {
        return headers(Map.of(name, value));
    }

    static Auth headers(Map<String, String> headers) {
        return new HeaderAuth(headers);
    }

    /** Fixed headers; those {@link Redactor#isSecretHeader named like secrets} never show in toString or logs. */
    record HeaderAuth(Map<String, String> headers) implements Auth {

        public HeaderAuth {
            headers = Map.copyOf(headers);
        }

        @Override
        public Request authorize(Request request) {
            Request.Builder signed = request.newBuilder();
            headers.forEach(signed::header);
            return signed.build();
        }

        @Override
        public Set<String> secrets() {
            return headers.entrySet().stream()
                    .filter(header -> Redactor.isSecretHeader(header.getKey()))
                    .map(header -> withoutScheme(header.getValue()))
                    .collect(Collectors.toUnmodifiableSet());
        }

        @Override
        public String toString() {
            return "HeaderAuth" + headers.keySet().stream()
                    .map(name -> name + "=" + (Redactor.isSecretHeader(name) ? Redactor.MASK : headers.get(name)))
                    .sorted()
                    .collect(Collectors.joining(", ", "[", "]"));
        }

        /** "Bearer abc" → "abc": the token alone is what a provider would echo. */
        private static String withoutScheme(String value) {
            int space = value.indexOf(' ');
            boolean scheme = space > 0 && value.substring(0, space).toLowerCase(Locale.ROOT).matches("bearer|basic|token");
            return scheme ? value.substring(space + 1) : value;
        }
    }
}
