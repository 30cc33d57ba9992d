package io.mvinfra.cloudflare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.mvinfra.http.Pages;
import io.mvinfra.http.ProviderDialect;
import io.mvinfra.http.ProviderException;
import io.mvinfra.http.ProviderException.Kind;
import io.mvinfra.http.ProviderResponse;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * Cloudflare API v4. Every answer is an envelope {@code {"success", "errors", "messages", "result", "result_info"}};
 * an error is {@code {"code": 81057, "message": "…", "error_chain": [{"code", "message"}]}}, the chain holding the
 * precise cause ({@code 6003 Invalid request headers} ← {@code 6111 Invalid format for Authorization header}).
 * Lists page with {@code page}/{@code per_page}, {@code result_info} saying where we are.
 */
public final class CloudflareDialect implements ProviderDialect {

    public static final String PUBLIC_API = "https://api.cloudflare.com/client/v4/";

    /**
     * Codes whose meaning the HTTP status does not carry: Cloudflare answers refused credentials with 400 or 403,
     * and "already exists" with 400.
     */
    private static final Map<String, Kind> KIND_BY_CODE = Map.of(
            "10000", Kind.AUTH,        // Authentication error
            "9103", Kind.AUTH,         // Unknown X-Auth-Key or X-Auth-Email
            "9106", Kind.AUTH,         // Missing X-Auth-Key, X-Auth-Email or Authorization headers
            "6111", Kind.AUTH,         // Invalid format for Authorization header
            "6103", Kind.AUTH,         // Invalid format for X-Auth-Key header
            "81053", Kind.CONFLICT,    // An A, AAAA, or CNAME record with that host already exists
            "81057", Kind.CONFLICT,    // Record already exists
            "81058", Kind.CONFLICT,    // A record with the same settings already exists
            "81044", Kind.NOT_FOUND,   // Record does not exist
            // "Could not route to …, perhaps your object identifier is invalid?": a malformed id or zone, which proves
            // nothing about the thing being gone, so it must not read as NOT_FOUND (a delete would drop a live entity)
            "7003", Kind.VALIDATION);

    /** "Record already exists" and "A record with the same settings already exists": the very record is there. */
    private static final Set<String> ALREADY_EXISTS = Set.of("81057", "81058");

    /**
     * Cloudflare refused a create because the zone has that very record already (81057, 81058), not merely another
     * record on the same host (81053), so the create can adopt it.
     */
    public static boolean isAlreadyExists(ProviderException e) {
        return e.providerCodes().stream().anyMatch(ALREADY_EXISTS::contains);
    }

    @Override
    public String provider() {
        return "cloudflare";
    }

    @Override
    public ProviderException toException(ProviderResponse failed) {
        JsonNode body = failed.json();
        List<JsonNode> errors = new ArrayList<>();
        if (body.path("errors").isArray()) {
            body.path("errors").forEach(errors::add);
        } else if (body.has("code")) {
            errors.add(body);   // some older endpoints answer a bare error instead of the envelope
        }
        List<String> codes = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        for (JsonNode error : errors) {
            if (!error.has("code") && !error.has("message")) {
                continue;
            }
            codes.add(error.path("code").asText());
            StringBuilder message = new StringBuilder(error.path("message").asText());
            List<String> chain = new ArrayList<>();
            for (JsonNode cause : error.path("error_chain")) {
                codes.add(cause.path("code").asText());
                chain.add(cause.path("message").asText());
            }
            if (!chain.isEmpty()) {
                message.append(" (").append(String.join("; ", chain)).append(')');
            }
            messages.add(message.toString());
        }
        Kind kind = codes.stream().map(KIND_BY_CODE::get).filter(Objects::nonNull).findFirst()
                .orElse(Kind.ofStatus(failed.status()));
        String message = messages.isEmpty() ? failed.summary() : String.join("; ", messages);
        return new ProviderException(provider(), kind, failed.status(), codes, message, requestId(failed.headers()), null);
    }

    @Override
    public Optional<HttpUrl> nextPage(ProviderResponse page, int itemsOnPage) {
        JsonNode info = page.json().path("result_info");
        int current = info.path("page").asInt(Pages.intParameter(page.url(), "page", 1));
        int perPage = info.path("per_page").asInt(Pages.intParameter(page.url(), "per_page", itemsOnPage));
        boolean more;
        if (info.hasNonNull("total_pages")) {
            more = current < info.path("total_pages").asInt();
        } else if (info.hasNonNull("total_count")) {
            more = (long) current * perPage < info.path("total_count").asLong();
        } else {
            more = itemsOnPage >= perPage;
        }
        return more ? Optional.of(page.url().newBuilder().setQueryParameter("page", String.valueOf(current + 1)).build())
                : Optional.empty();
    }

    /** {@code result_info.total_pages}: every page can then be asked for by its number, at once. */
    @Override
    public OptionalInt pageCount(ProviderResponse firstPage, int itemsOnPage) {
        JsonNode totalPages = firstPage.json().path("result_info").path("total_pages");
        return totalPages.canConvertToInt() ? OptionalInt.of(totalPages.asInt()) : OptionalInt.empty();
    }

    @Override
    public HttpUrl pageUrl(HttpUrl first, int number) {
        return Pages.numbered(first, number);
    }

    /** The Cloudflare edge's id of the request ({@code cf-ray}), what its support asks for. */
    @Override
    public String requestId(Headers headers) {
        return headers.get("cf-ray");
    }

    @Override
    public JsonNode payload(JsonNode body) {
        return body.path("result");
    }
}
