package io.mvinfra.http;

import java.util.Optional;
import java.util.OptionalInt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * Only what differs between providers; sending, retrying, limiting, paging and redacting are shared. One
 * implementation per provider family, beside its client ({@code cloudflare.client.CloudflareDialect}…).
 */
public interface ProviderDialect {

    /** How the provider is named in messages and logs: {@code cloudflare}, {@code scaleway}, {@code nova}. */
    String provider();

    /** The one place a failed answer (status 300 and up) of this provider becomes a {@link ProviderException}. */
    ProviderException toException(ProviderResponse failed);

    /**
     * The URL of the page after {@code page}, or empty when {@code page} was the last. Called only for a page that
     * held items; a page without items ends every list.
     */
    Optional<HttpUrl> nextPage(ProviderResponse page, int itemsOnPage);

    /**
     * How many pages a list has, when its first page says so and every page can be asked for by its number: then
     * the pages after the first are fetched at once ({@link #pageUrl}). Empty (the default) for paging that can only
     * go from one page to the next, as markers do.
     *
     * @param itemsOnPage what the first page held: a server may hold fewer per page than asked for
     */
    default OptionalInt pageCount(ProviderResponse firstPage, int itemsOnPage) {
        return OptionalInt.empty();
    }

    /** Page {@code number} of the list whose first page was {@code first}; asked only when {@link #pageCount} said. */
    default HttpUrl pageUrl(HttpUrl first, int number) {
        throw new UnsupportedOperationException(provider() + " lists are not read by page number");
    }

    /** The provider's id of a request, asked for by its support; null when it sent none. */
    String requestId(Headers headers);

    /** What a list's first request adds, e.g. the largest page size the provider allows. */
    default HttpUrl firstPage(HttpUrl url) {
        return url;
    }

    /** Where an answer's data sits: Cloudflare wraps it in {@code result}, the others answer it at the top. */
    default JsonNode payload(JsonNode body) {
        return body;
    }

    default ObjectMapper json() {
        return Json.SNAKE_CASE;
    }
}
