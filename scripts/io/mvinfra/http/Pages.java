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

    /** What is done with each page of a list as it arrives ({@link ProviderRequest#eachPage}). */
    public interface Handler<T, X extends Exception> {
        /** One page's items, in list order; a page is handed once, after every page before it. */
        void page(List<T> items) throws X;
    }

    /** Every item of the list whose first page is {@code first}, in page order. */
    <T> List<T> readAll(ProviderResponse first, Class<T> type) {
        List<T> items = new ArrayList<>();
        readEach(first, type, items::addAll);
        return List.copyOf(items);
    }

    /**
     * Hands each page of the list whose first page is {@code first} to {@code handler}, in page order, on the caller's
     * thread, while the later pages are fetched: what the handler does with a page overlaps the round trips of the
     * next. Ends when the list does (an empty page ends it too). A page that fails, or a handler that throws, stops
     * the list: no page is started after it, the pages in flight are awaited, and the failure is thrown. The pages
     * handed before then stay handed, so a handler never treats the list as complete before this returns.
     */
    <T, X extends Exception> void readEach(ProviderResponse first, Class<T> type, Handler<T, X> handler) throws X {
        Page<T> page = page(first, type);
        OptionalInt count = concurrency > 1 && !page.isEmpty() ? dialect.pageCount(first, page.size()) : OptionalInt.empty();
        if (count.isPresent() && count.getAsInt() > 1) {
            Page<T> last = new AtOnce<>(first.url(), count.getAsInt(), type).handEach(page, handler);
            if (last == null) {
                return;   // an empty page: the list ended early
            }
            page = last;
        } else {
            handler.page(page.items());
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
            if (!page.isEmpty()) {
                handler.page(page.items());
            }
        }
    }

    /**
     * Pages 2 to {@code count} of one list. Up to {@code concurrency} fetch at once, the caller one of them, each taking
     * the next page number until none is left or one failed; the caller hands the pages to the handler in order as
     * they arrive, and fetches one itself whenever the next in order is not there yet and a number is left. A helper
     * not started when the caller is done (the threads busy with other lists) is skipped, so a list never waits for a
     * thread it does not need.
     */
    private final class AtOnce<T> {
        private final HttpUrl first;
        private final int count;
        private final Class<T> type;
        private final AtomicReferenceArray<Page<T>> pages;
        private final AtomicInteger nextNumber = new AtomicInteger(2);
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        /** Set once the caller is done (the list handed, ended early, or stopped by its handler): no page starts after. */
        private volatile boolean stopped;
        /** Notified when a page arrived or one failed. */
        private final Object arrivals = new Object();

        AtOnce(HttpUrl first, int count, Class<T> type) {
            this.first = first;
            this.count = count;
            this.type = type;
            this.pages = new AtomicReferenceArray<>(count + 1);
        }

        /** Hands {@code firstPage} and pages 2 to count; the last page handed, or null when an empty one ended the list. */
        <X extends Exception> Page<T> handEach(Page<T> firstPage, Handler<T, X> handler) throws X {
            int helpers = Math.min(concurrency, count - 1) - 1;
            CountDownLatch helpersDone = new CountDownLatch(helpers);
            List<AtomicBoolean> claims = new ArrayList<>();
            for (int i = 0; i < helpers; i++) {
                AtomicBoolean claimed = new AtomicBoolean();
                claims.add(claimed);
                threads.execute(() -> {
                    if (claimed.compareAndSet(false, true)) {
                        try {
                            while (fetchOne()) {
                                // until no number is left or a page failed
                            }
                        } finally {
                            helpersDone.countDown();
                        }
                    }
                });
            }
            try {
                handler.page(firstPage.items());
                Page<T> last = firstPage;
                for (int n = 2; n <= count; n++) {
                    Page<T> page = await(n);
                    if (page.isEmpty()) {
                        return null;
                    }
                    handler.page(page.items());
                    last = page;
                }
                return last;
            } finally {
                stopped = true;
                claims.stream().filter(claimed -> claimed.compareAndSet(false, true)).forEach(skipped -> helpersDone.countDown());
                awaitUninterruptibly(helpersDone);
            }
        }

        /** Page {@code n}, fetching others meanwhile while numbers are left; throws the first page failure. */
        private Page<T> await(int n) {
            boolean interrupted = false;
            try {
                while (true) {
                    Page<T> page = pages.get(n);
                    if (page != null) {
                        return page;
                    }
                    rethrowFailure();
                    if (nextNumber.get() <= count) {
                        fetchOne();
                        continue;
                    }
                    synchronized (arrivals) {
                        while (pages.get(n) == null && failure.get() == null) {
                            try {
                                arrivals.wait();
                            } catch (InterruptedException e) {
                                interrupted = true;   // the pages in flight end within their call timeout
                            }
                        }
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** Fetches the next page number not taken; false when none is left or the list stopped. */
        private boolean fetchOne() {
            int n = nextNumber.getAndIncrement();
            if (n > count || stopped || failure.get() != null) {
                return false;
            }
            try {
                pages.set(n, page(fetch.apply(dialect.pageUrl(first, n)), type));
            } catch (RuntimeException | Error pageFailed) {
                failure.compareAndSet(null, pageFailed);
            }
            synchronized (arrivals) {
                arrivals.notifyAll();
            }
            return failure.get() == null;
        }

        private void rethrowFailure() {
            Throwable failed = failure.get();
            if (failed instanceof RuntimeException e) {
                throw e;
            }
            if (failed instanceof Error e) {
                throw e;
            }
        }
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
