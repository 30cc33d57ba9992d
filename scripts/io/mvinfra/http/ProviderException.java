package io.mvinfra.http;

import java.util.List;
import java.util.Objects;

/**
 * Whatever went wrong talking to a provider, as one fact: who answered, the HTTP status (0 when no answer came),
 * the provider's own error code(s) and message, the request id its support asks for, and a {@link Kind} a
 * caller can act on. The message reads as is for an operator:
 * {@code cloudflare refused the request (HTTP 400, 81057): Record already exists. [request id 8c7d…]}.
 * <p>
 * Each {@link ProviderDialect} builds it from its provider's error body; nothing else parses error bodies.
 * Immutable: an exception is a fact.
 */
public final class ProviderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of failure, whatever the provider calls it: what a caller branches on. */
    public enum Kind {
        /** The credentials were refused (401, or a provider's own "authentication error"). */
        AUTH,
        /** Authenticated, but not allowed to do this (403). */
        FORBIDDEN,
        NOT_FOUND,
        /** Clashes with the resource's state or another resource (409, 412, "already exists", "in use"). */
        CONFLICT,
        /** The request itself is wrong (400, 422): a field the provider does not accept. */
        VALIDATION,
        QUOTA_EXCEEDED,
        /** Too many requests: the provider's 429, or our own limiter refusing to wait any longer. */
        RATE_LIMITED,
        /** The provider could not be reached or said it is unavailable (502, 503, 504, connection failures). */
        UNAVAILABLE,
        /** No answer in time. */
        TIMEOUT,
        /** The provider failed on its side (500 and other 5xx). */
        PROVIDER_ERROR,
        /** Any other refusal (405, 406, 415, an unexpected redirect…). */
        REJECTED,
        /** Our settings do not fit what the provider offers (e.g. no endpoint for a service in a region). */
        CONFIGURATION,
        /** A success whose body is not what the provider documents. */
        UNEXPECTED_ANSWER;

        public static Kind ofStatus(int status) {
            return switch (status) {
                case 400, 422 -> VALIDATION;
                case 401 -> AUTH;
                case 403 -> FORBIDDEN;
                case 404, 410 -> NOT_FOUND;
                case 409, 412 -> CONFLICT;
                case 429 -> RATE_LIMITED;
                case 502, 503, 504 -> UNAVAILABLE;
                default -> status >= 500 ? PROVIDER_ERROR : REJECTED;
            };
        }
    }

    private final String provider;
    private final Kind kind;
    private final int httpStatus;
    private final List<String> providerCodes;
    private final String providerMessage;
    private final String requestId;

    /**
     * @param httpStatus      0 when no answer came (timeout, connection failure, refused before sending)
     * @param providerCodes   the provider's own codes, most significant first ({@code 81057}, {@code itemNotFound},
     *                        {@code invalid_arguments}); empty when it gave none
     * @param providerMessage the provider's words, or ours when it said nothing
     * @param requestId       the provider's id of the request ({@code cf-ray}, {@code X-Request-Id},
     *                        {@code X-Openstack-Request-Id}), or null
     */
    public ProviderException(String provider, Kind kind, int httpStatus, List<String> providerCodes,
                             String providerMessage, String requestId, Throwable cause) {
        super(compose(provider, httpStatus, providerCodes, providerMessage, requestId), cause);
        this.provider = Objects.requireNonNull(provider, "provider");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.httpStatus = httpStatus;
        this.providerCodes = List.copyOf(providerCodes);
        this.providerMessage = providerMessage == null || providerMessage.isBlank() ? "no details given" : providerMessage;
        this.requestId = requestId;
    }

    /** A failure with no provider answer: a timeout, a connection failure, our own limiter, our configuration. */
    public static ProviderException withoutAnswer(String provider, Kind kind, String message, Throwable cause) {
        return new ProviderException(provider, kind, 0, List.of(), message, null, cause);
    }

    public String provider() {
        return provider;
    }

    public Kind kind() {
        return kind;
    }

    public boolean is(Kind expected) {
        return kind == expected;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public List<String> providerCodes() {
        return providerCodes;
    }

    /** The most significant of the provider's codes, or null. */
    public String providerCode() {
        return providerCodes.isEmpty() ? null : providerCodes.get(0);
    }

    public String providerMessage() {
        return providerMessage;
    }

    public String requestId() {
        return requestId;
    }

    private static String compose(String provider, int status, List<String> codes, String message, String requestId) {
        StringBuilder text = new StringBuilder(provider);
        if (status == 0) {
            text.append(": ");
        } else {
            text.append(status >= 500 ? " failed to serve the request (HTTP " : " refused the request (HTTP ").append(status);
            codes.forEach(code -> text.append(", ").append(code));
            text.append("): ");
        }
        text.append(message == null || message.isBlank() ? "no details given" : message);
        if (requestId != null && !requestId.isBlank()) {
            text.append(" [request id ").append(requestId).append(']');
        }
        return text.toString();
    }
}
