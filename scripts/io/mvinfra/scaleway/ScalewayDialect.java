package io.mvinfra.scaleway;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import io.mvinfra.http.Pages;
import io.mvinfra.http.ProviderDialect;
import io.mvinfra.http.ProviderException;
import io.mvinfra.http.ProviderException.Kind;
import io.mvinfra.http.ProviderResponse;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * Scaleway APIs. An error is {@code {"type": "invalid_arguments", "message": "…", …}} with details by type:
 * {@code details[]} of argument_name/reason/help_message (invalid_arguments), resource/quota/current
 * (quotas_exceeded), resource/action (permissions_denied); {@code resource}/{@code resource_id} (not_found,
 * locked, transient_state); and in the Instance API's older shapes {@code fields} (invalid_request_error) and
 * {@code unknown_resource}. Lists page with {@code page}/{@code per_page} (at most 100), the answer saying
 * {@code X-Total-Count} and a {@code Link} header; the Block Storage API's with {@code page}/{@code page_size} (at most
 * 100), its answer saying {@code total_count} in the body and no header.
 */
public final class ScalewayDialect implements ProviderDialect {

    public static final String PUBLIC_API = "https://api.scaleway.com/";

    /** Scaleway's documented ceiling for {@code per_page}. */
    public static final int MAX_PER_PAGE = 100;

    /** The Block Storage API's name for {@code per_page} (block_sdk.go: "must be lower or equal to 100"). */
    public static final String BLOCK_PAGE_SIZE = "page_size";

    private static final Map<String, Kind> KIND_BY_TYPE = Map.ofEntries(
            Map.entry("invalid_arguments", Kind.VALIDATION),
            Map.entry("invalid_request_error", Kind.VALIDATION),
            Map.entry("quotas_exceeded", Kind.QUOTA_EXCEEDED),
            Map.entry("not_found", Kind.NOT_FOUND),
            Map.entry("unknown_resource", Kind.NOT_FOUND),
            Map.entry("denied_authentication", Kind.AUTH),
            Map.entry("authentication_error", Kind.AUTH),
            Map.entry("permissions_denied", Kind.FORBIDDEN),
            Map.entry("transient_state", Kind.CONFLICT),
            Map.entry("locked", Kind.CONFLICT),
            Map.entry("conflict", Kind.CONFLICT),
            Map.entry("precondition_failed", Kind.CONFLICT),
            Map.entry("resource_expired", Kind.CONFLICT),
            Map.entry("out_of_stock", Kind.UNAVAILABLE));

    @Override
    public String provider() {
        return "scaleway";
    }

    @Override
    public ProviderException toException(ProviderResponse failed) {
        JsonNode body = failed.json();
        String type = body.path("type").asText("");
        List<String> codes = type.isEmpty() ? List.of() : List.of(type);
        Kind kind = KIND_BY_TYPE.getOrDefault(type, Kind.ofStatus(failed.status()));
        // Scaleway's Instance API says a quota is exceeded with a plain invalid_request_error and a 403.
        if (body.path("message").asText().toLowerCase(Locale.ROOT).contains("quota exceeded")) {
            kind = Kind.QUOTA_EXCEEDED;
        }
        String message = body.hasNonNull("message") ? body.path("message").asText() : failed.summary();
        String details = details(body);
        String text = details.isEmpty() ? message : message.endsWith(".") ? message + " (" + details + ")" : message + ": " + details;
        return new ProviderException(provider(), kind, failed.status(), codes, text, requestId(failed.headers()), null);
    }

    @Override
    public Optional<HttpUrl> nextPage(ProviderResponse page, int itemsOnPage) {
        // Link targets are relative to the zone ("</servers?page=2&per_page=50>"), not to the request: keep the query.
        if (!page.headers().values("Link").isEmpty()) {
            return Pages.link(page.headers(), "next").map(next -> Pages.withQueryOf(page.url(), next));
        }
        long total = total(page);
        if (total < 0) {
            return Optional.empty();
        }
        int current = Pages.intParameter(page.url(), "page", 1);
        int perPage = Pages.intParameter(page.url(), BLOCK_PAGE_SIZE, Pages.intParameter(page.url(), "per_page", MAX_PER_PAGE));
        return (long) current * perPage < total
                ? Optional.of(page.url().newBuilder().setQueryParameter("page", String.valueOf(current + 1)).build())
                : Optional.empty();
    }

    /**
     * {@code X-Total-Count} over the items the first page held (what Scaleway really puts in a page, whatever
     * {@code per_page} asked): every page can then be asked for by its number, at once.
     */
    @Override
    public OptionalInt pageCount(ProviderResponse firstPage, int itemsOnPage) {
        long total = total(firstPage);
        return total < 0 || itemsOnPage == 0 ? OptionalInt.empty()
                : OptionalInt.of((int) Math.min(Integer.MAX_VALUE, (total + itemsOnPage - 1) / itemsOnPage));
    }

    @Override
    public HttpUrl pageUrl(HttpUrl first, int number) {
        return Pages.numbered(first, number);
    }

    /**
     * Lists are read 100 at a time (Scaleway's default is 50) unless the caller chose, in each API's own parameter:
     * {@link #BLOCK_PAGE_SIZE} for Block Storage ({@code /block/…}), {@code per_page} for the others.
     */
    @Override
    public HttpUrl firstPage(HttpUrl url) {
        String size = url.encodedPath().contains("/block/") ? BLOCK_PAGE_SIZE : "per_page";
        return url.queryParameter(size) != null ? url
                : url.newBuilder().setQueryParameter(size, String.valueOf(MAX_PER_PAGE)).build();
    }

    /** X-Total-Count, else the Block Storage API's {@code total_count} in the body, or -1 when the answer is not paged. */
    public static long total(ProviderResponse page) {
        String total = page.header("X-Total-Count");
        if (total == null) {
            JsonNode count = page.json().path("total_count");
            return count.canConvertToLong() ? count.asLong() : -1;
        }
        try {
            return Long.parseLong(total.strip());
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }

    @Override
    public String requestId(Headers headers) {
        return headers.get("X-Request-Id");
    }

    private static String details(JsonNode body) {
        List<String> parts = new ArrayList<>();
        for (JsonNode detail : body.path("details")) {
            if (detail.has("argument_name")) {
                parts.add(join(detail.path("argument_name").asText(), reason(detail.path("reason").asText()),
                        detail.path("help_message").asText()));
            } else if (detail.has("quota")) {
                parts.add(detail.path("resource").asText() + " at " + detail.path("current").asText() + " of "
                        + detail.path("quota").asText());
            } else if (detail.has("action")) {
                parts.add("may not " + detail.path("action").asText() + " " + detail.path("resource").asText());
            }
        }
        // "fields": {"volumes.5.id": ["92 is not a valid UUID."]}: sorted, so the message is stable.
        Map<String, List<String>> fields = new TreeMap<>();
        body.path("fields").properties().forEach(field -> {
            List<String> problems = new ArrayList<>();
            field.getValue().forEach(problem -> problems.add(problem.asText()));
            fields.put(field.getKey(), problems);
        });
        fields.forEach((name, problems) -> parts.add(name + " " + String.join(", ", problems)));
        if (body.hasNonNull("resource_id")) {
            parts.add(body.path("resource").asText("resource") + " " + body.path("resource_id").asText()
                    + (body.hasNonNull("current_state") ? " is " + body.path("current_state").asText() : ""));
        } else if (body.hasNonNull("resource") && parts.isEmpty()) {
            parts.add(body.path("resource").asText());
        }
        if (body.hasNonNull("reason") && body.hasNonNull("method")) {
            parts.add(body.path("method").asText() + " " + body.path("reason").asText());
        }
        if (body.hasNonNull("precondition")) {
            parts.add(join(body.path("precondition").asText(), "", body.path("help_message").asText()));
        }
        return String.join("; ", parts);
    }

    private static String reason(String reason) {
        return switch (reason) {
            case "required" -> "is required";
            case "format" -> "is wrongly formatted";
            case "constraint" -> "does not respect a constraint";
            default -> reason.isEmpty() ? "" : "is invalid (" + reason + ")";
        };
    }

    private static String join(String subject, String what, String help) {
        String text = what.isEmpty() ? subject : subject + " " + what;
        return help.isEmpty() ? text : text + " (" + help + ")";
    }
}
