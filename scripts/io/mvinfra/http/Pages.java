package io.mvinfra.http;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * Reads a list to its end, page after page, in the provider's own paging style (its {@link ProviderDialect}
 * says where the next page is). All or nothing: a failure on any page fails the whole list, so a caller
 * reconciling entities never mistakes a partial list for the provider's truth.
 * <p>
 * Also the helpers the dialects share to find their next page.
 */
public final class Pages {

    /** RFC 8288 link-value: {@code <url>; rel="next"}, several separated by commas. */
    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]+)*)");
    private static final Pattern REL = Pattern.compile("rel\\s*=\\s*\"?([^\";]+)\"?");

    private Pages() {
    }

    /**
     * Every item of every page.
     *
     * @param fetch reads one page, throwing {@link ProviderException} when it fails
     * @param field where the items are in each page's payload, or null when the payload is the list itself
     */
    public static <T> List<T> readAll(HttpUrl first, Function<HttpUrl, ProviderResponse> fetch, ProviderDialect dialect,
                                      String field, Class<T> type) {
        List<T> items = new ArrayList<>();
        Set<HttpUrl> visited = new HashSet<>();
        HttpUrl url = dialect.firstPage(first);
        while (true) {
            if (!visited.add(url)) {
                throw unexpected(dialect, "its list paging came back to a page already read (" + url + ")", null);
            }
            ProviderResponse page = fetch.apply(url);
            JsonNode array = itemsOf(page, dialect, field);
            for (JsonNode item : array) {
                items.add(convert(item, dialect, type));
            }
            if (array.isEmpty()) {
                return List.copyOf(items);
            }
            Optional<HttpUrl> next = dialect.nextPage(page, array.size());
            if (next.isEmpty()) {
                return List.copyOf(items);
            }
            url = next.get();
        }
    }

    /** The target of the {@code rel} link in a {@code Link} header (Scaleway, GitHub style), as written. */
    public static Optional<String> link(Headers headers, String rel) {
        for (String header : headers.values("Link")) {
            Matcher link = LINK.matcher(header);
            while (link.find()) {
                Matcher relation = REL.matcher(link.group(2));
                while (relation.find()) {
                    for (String value : relation.group(1).trim().split("\\s+")) {
                        if (value.equalsIgnoreCase(rel)) {
                            return Optional.of(link.group(1));
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * {@code current} with the query of a provider's next-page link. Only the query is taken: the link's host and
     * path are not always where we talk to (Scaleway's are relative to the zone, not to the request; Nova builds
     * its links from its configured public URL, which behind a proxy is not the URL in the catalog).
     */
    public static HttpUrl withQueryOf(HttpUrl current, String link) {
        HttpUrl target = current.resolve(link);
        if (target == null) {
            throw new IllegalArgumentException("not a link: " + link);
        }
        return current.newBuilder().encodedQuery(target.encodedQuery()).build();
    }

    /** A whole-number query parameter of {@code url}, or {@code fallback}. */
    public static int intParameter(HttpUrl url, String name, int fallback) {
        String value = url.queryParameter(name);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException notANumber) {
            return fallback;
        }
    }

    static JsonNode itemsOf(ProviderResponse page, ProviderDialect dialect, String field) {
        JsonNode payload = dialect.payload(page.json());
        JsonNode array = field == null ? payload : payload.path(field);
        if (!array.isArray()) {
            throw unexpected(dialect, page.method() + " " + page.url().encodedPath() + " answered without a list"
                    + (field == null ? "" : " in '" + field + "'"), null);
        }
        return array;
    }

    static <T> T convert(JsonNode node, ProviderDialect dialect, Class<T> type) {
        try {
            return dialect.json().treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw unexpected(dialect, "its answer does not read as " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    private static ProviderException unexpected(ProviderDialect dialect, String message, Throwable cause) {
        return ProviderException.withoutAnswer(dialect.provider(), ProviderException.Kind.UNEXPECTED_ANSWER, message, cause);
    }
}
