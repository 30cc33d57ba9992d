package io.mvinfra.http;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * Reads a list to its end in the provider's own paging style (its {@link ProviderDialect} says where the next page
 * is). When the first page says how many pages there are and any page can be asked for by its number (a
 * {@code total_pages} in the body, an {@code X-Total-Count} header), the others are fetched at once, a few at a time,
 * each under the credential's rate limit as any request; marker paging can only go one page after the other.
 * <p>
 * All or nothing: a failure on any page fails the whole list (the pages still in flight are awaited, none is
 * started after it), so a caller reconciling entities never mistakes a partial list for the provider's truth.
 * <p>
 * Also the helpers the dialects share to find their pages.
 */
public final class Pages {

    /** RFC 8288 link-value: {@code <url>; rel="next"}, several separated by commas. */
    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]+)*)");
    private static final Pattern REL = Pattern.compile("rel\\s*=\\s*\"?([^\";]+)\"?");

    private final ProviderDialect dialect;
    private final String field;
    private final Function<HttpUrl, ProviderResponse> fetch;
    private final Executor threads;
    private final int concurrency;

    /**
     * @param field       where the items are in each page's payload, or null when the payload is the list itself
     * @param fetch       reads one page, throwing {@link ProviderException} when it fails
     * @param threads     where pages are fetched besides the caller's own thread
     * @param concurrency pages fetched at once, the caller's included; 1 reads them one after the other
     */
    Pages(ProviderDialect dialect, String field, Function<HttpUrl, ProviderResponse> fetch, Executor threads,
          int concurrency) {
        this.dialect = dialect;
        this.field = field;
        this.fetch = fetch;
        this.threads = threads;
        this.concurrency = concurrency;
    }

    /** Every item of the list whose first page is {@code first}, in page order. */
    <T> List<T> readAll(ProviderResponse first, Class<T> type) {
        Page<T> page = page(first, type);
        List<T> items = new ArrayList<>(page.items());
        OptionalInt count = concurrency > 1 && !page.isEmpty() ? dialect.pageCount(first, page.size()) : OptionalInt.empty();
        if (count.isPresent() && count.getAsInt() > 1) {
            for (Page<T> next : atOnce(first.url(), count.getAsInt(), type)) {
                if (next.isEmpty()) {
                    return List.copyOf(items);
                }
                items.addAll(next.items());
                page = next;
            }
        }
        // One after the other: marker paging, or what a numbered list grew by while it was read.
        Set<HttpUrl> visited = new HashSet<>(List.of(first.url(), page.answer().url()));
        while (!page.isEmpty()) {
            Optional<HttpUrl> next = dialect.nextPage(page.answer(), page.size());
            if (next.isEmpty()) {
                break;
            }
            if (!visited.add(next.get())) {
                throw unexpected(dialect, "its list paging came back to a page already read (" + next.get() + ")", null);
            }
            page = page(fetch.apply(next.get()), type);
            items.addAll(page.items());
        }
        return List.copyOf(items);
    }

    /**
     * Pages 2 to {@code count}, in order. Up to {@code concurrency} fetch at once, the caller one of them, each taking
     * the next page number until none is left or one failed. A helper not started when the caller is done (the
     * threads busy with other lists) is skipped, so a list never waits for a thread it does not need.
     */
    private <T> List<Page<T>> atOnce(HttpUrl first, int count, Class<T> type) {
        AtomicReferenceArray<Page<T>> pages = new AtomicReferenceArray<>(count + 1);
        AtomicInteger nextNumber = new AtomicInteger(2);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Runnable fetchPages = () -> {
            for (int n = nextNumber.getAndIncrement(); n <= count && failure.get() == null; n = nextNumber.getAndIncrement()) {
                try {
                    pages.set(n, page(fetch.apply(dialect.pageUrl(first, n)), type));
                } catch (RuntimeException pageFailed) {
                    failure.compareAndSet(null, pageFailed);
                }
            }
        };
        int helpers = Math.min(concurrency, count - 1) - 1;
        CountDownLatch helpersDone = new CountDownLatch(helpers);
        List<AtomicBoolean> claims = new ArrayList<>();
        for (int i = 0; i < helpers; i++) {
            AtomicBoolean claimed = new AtomicBoolean();
            claims.add(claimed);
            threads.execute(() -> {
                if (claimed.compareAndSet(false, true)) {
                    try {
                        fetchPages.run();
                    } finally {
                        helpersDone.countDown();
                    }
                }
            });
        }
        fetchPages.run();
        claims.stream().filter(claimed -> claimed.compareAndSet(false, true)).forEach(skipped -> helpersDone.countDown());
        awaitUninterruptibly(helpersDone);
        if (failure.get() != null) {
            throw failure.get();
        }
        List<Page<T>> inOrder = new ArrayList<>(count - 1);
        for (int n = 2; n <= count; n++) {
            inOrder.add(pages.get(n));
        }
        return inOrder;
    }

    /** The pages in flight end within their call timeout; leaving before would let them run on unseen. */
    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private <T> Page<T> page(ProviderResponse answer, Class<T> type) {
        JsonNode array = itemsOf(answer);
        List<T> items = new ArrayList<>(array.size());
        for (JsonNode item : array) {
            items.add(convert(item, dialect, type));
        }
        return new Page<>(answer, items);
    }

    /** One page read: its answer (where the next page is) and its items. */
    private record Page<T>(ProviderResponse answer, List<T> items) {
        boolean isEmpty() {
            return items.isEmpty();
        }

        int size() {
            return items.size();
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

    private JsonNode itemsOf(ProviderResponse page) {
        String what = page.method() + " " + page.url().encodedPath();
        Optional<String> malformed = page.jsonProblem();
        if (malformed.isPresent()) {
            throw unexpected(dialect, malformed(what, malformed.get()), null);
        }
        JsonNode payload = dialect.payload(page.json());
        JsonNode array = field == null ? payload : payload.path(field);
        if (!array.isArray()) {
            throw unexpected(dialect, what + " answered without a list" + (field == null ? "" : " in '" + field + "'"), null);
        }
        return array;
    }

    /** Said the same for every ending: {@code GET /servers answered malformed JSON (Unexpected end-of-input …)}. */
    static String malformed(String what, String problem) {
        return what + " answered malformed JSON (" + problem + ")";
    }

    /** {@code url} asking for page {@code number}, as APIs that number their pages take it ({@code ?page=3}). */
    public static HttpUrl numbered(HttpUrl url, int number) {
        return url.newBuilder().setQueryParameter("page", String.valueOf(number)).build();
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
