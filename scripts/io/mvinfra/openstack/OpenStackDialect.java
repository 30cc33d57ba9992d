package io.mvinfra.openstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.mvinfra.http.Pages;
import io.mvinfra.http.ProviderDialect;
import io.mvinfra.http.ProviderException;
import io.mvinfra.http.ProviderException.Kind;
import io.mvinfra.http.ProviderResponse;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * The OpenStack services (and Synnefo Cyclades, which speaks Nova's dialect), each named in messages by its own
 * name ({@code nova}, {@code neutron}, {@code keystone}…). Their error shapes:
 * <ul>
 *   <li>Nova, Cinder, Cyclades: {@code {"itemNotFound": {"code": 404, "message": "…"}}}, the fault name as key; Cinder
 *   says a state that forbids the request as a 400 {@code badRequest} "Invalid volume: …", a conflict here;</li>
 *   <li>Keystone: {@code {"error": {"code": 401, "title": "Unauthorized", "message": "…"}}};</li>
 *   <li>Neutron: {@code {"NeutronError": {"type": "NetworkNotFound", "message": "…", "detail": ""}}};</li>
 *   <li>Placement and newer APIs (API-SIG): {@code {"errors": [{"status", "code", "title", "detail"}]}};</li>
 *   <li>Glance and the WSGI layer: plain text or HTML.</li>
 * </ul>
 * Lists page with {@code limit}/{@code marker}; the next page is in {@code <collection>_links} (Nova, Neutron,
 * Cinder), {@code links.next} (Keystone) or {@code next} (Glance).
 */
public final class OpenStackDialect implements ProviderDialect {

    /** Fault names that mean more than their status: Nova's 403 and 413 for a quota, Neutron's 409 OverQuota. */
    private static final Map<String, Kind> KIND_BY_CODE = Map.of(
            "overLimit", Kind.QUOTA_EXCEEDED,
            "OverQuota", Kind.QUOTA_EXCEEDED,
            "conflictingRequest", Kind.CONFLICT);

    private static final java.util.regex.Pattern CINDER_STATE = java.util.regex.Pattern.compile("Invalid (volume|snapshot|backup):");

    private final String service;

    /** @param service how messages name it: {@code nova}, {@code neutron}, {@code glance}, {@code keystone}, {@code cyclades} */
    public OpenStackDialect(String service) {
        this.service = service;
    }

    @Override
    public String provider() {
        return service;
    }

    @Override
    public ProviderException toException(ProviderResponse failed) {
        JsonNode body = failed.json();
        List<String> codes = new ArrayList<>();
        String message;
        long retryAfter = 0;
        if (body.has("NeutronError")) {
            JsonNode error = body.path("NeutronError");
            codes.add(error.path("type").asText());
            message = error.isTextual() ? error.asText() : withDetail(error.path("message").asText(), error.path("detail").asText());
        } else if (body.path("error").isObject()) {
            JsonNode error = body.path("error");
            codes.add(error.path("title").asText());
            message = error.path("message").asText();
        } else if (body.path("errors").isArray() && !body.path("errors").isEmpty()) {
            List<String> details = new ArrayList<>();
            for (JsonNode error : body.path("errors")) {
                codes.add(error.hasNonNull("code") ? error.path("code").asText() : error.path("title").asText());
                details.add(error.hasNonNull("detail") ? error.path("detail").asText() : error.path("title").asText());
            }
            message = String.join("; ", details);
        } else if (body.isObject() && body.size() == 1 && body.properties().iterator().next().getValue().has("message")) {
            Map.Entry<String, JsonNode> fault = body.properties().iterator().next();
            codes.add(fault.getKey());
            message = withDetail(fault.getValue().path("message").asText(), fault.getValue().path("details").asText());
            retryAfter = retryAfterSeconds(fault.getValue().path("retryAfter").asText(null), failed.header("Retry-After"));
        } else {
            message = failed.summary();
        }
        codes.removeIf(String::isEmpty);
        Kind kind = codes.stream().map(KIND_BY_CODE::get).filter(Objects::nonNull).findFirst().orElse(Kind.ofStatus(failed.status()));
        // Cinder refuses what the volume's state forbids (delete while attached, extend while in-use) with a 400
        // badRequest "Invalid volume: …": a conflict with the volume's state, as Nova's 409, not a malformed request.
        if (kind == Kind.VALIDATION && codes.contains("badRequest") && CINDER_STATE.matcher(message).lookingAt()) {
            kind = Kind.CONFLICT;
        }
        // Nova refuses a quota with a 403 "forbidden" whose message says so.
        if (kind == Kind.FORBIDDEN && message.toLowerCase(Locale.ROOT).contains("quota exceeded")) {
            kind = Kind.QUOTA_EXCEEDED;
        }
        // An overLimit that says when to come back is a rate limit (retried by the layer while the wait is short); Nova
        // and Cinder send a quota's overLimit with retryAfter 0: coming back changes nothing.
        if (retryAfter > 0 && codes.contains("overLimit")) {
            kind = Kind.RATE_LIMITED;
            message = message + " (retry after " + retryAfter + " s)";
        }
        return new ProviderException(provider(), kind, failed.status(), codes, message, requestId(failed.headers()), null);
    }

    @Override
    public Optional<HttpUrl> nextPage(ProviderResponse page, int itemsOnPage) {
        return nextLink(page.json()).map(href -> Pages.withQueryOf(page.url(), href));
    }

    /** Keystone, Neutron, Glance, Placement: {@code X-Openstack-Request-Id}; Nova also {@code X-Compute-Request-Id}. */
    @Override
    public String requestId(Headers headers) {
        String id = headers.get("X-Openstack-Request-Id");
        return id != null ? id : headers.get("X-Compute-Request-Id");
    }

    private static Optional<String> nextLink(JsonNode body) {
        for (var field : body.properties()) {
            if (field.getKey().endsWith("_links") && field.getValue().isArray()) {
                for (JsonNode link : field.getValue()) {
                    if ("next".equals(link.path("rel").asText())) {
                        return Optional.of(link.path("href").asText());
                    }
                }
            }
        }
        JsonNode keystone = body.path("links").path("next");
        if (keystone.isTextual()) {
            return Optional.of(keystone.asText());
        }
        JsonNode glance = body.path("next");
        return glance.isTextual() ? Optional.of(glance.asText()) : Optional.empty();
    }

    /** The fault's {@code retryAfter} (seconds), else the {@code Retry-After} header's; 0 when neither is a positive number. */
    private static long retryAfterSeconds(String inBody, String header) {
        for (String value : new String[] {inBody, header}) {
            try {
                if (value != null && Long.parseLong(value.strip()) > 0) {
                    return Long.parseLong(value.strip());
                }
            } catch (NumberFormatException notSeconds) {
                // an HTTP date in the header: the layer's retry reads it; the message goes without
            }
        }
        return 0;
    }

    private static String withDetail(String message, String detail) {
        return detail == null || detail.isBlank() || detail.equals(message) ? message : message + " (" + detail + ")";
    }
}
