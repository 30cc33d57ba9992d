package io.mvinfra.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Credential;
import org.meveo.model.customEntities.ServiceProvider;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import io.mvinfra.credentials.ProviderAccess;
import io.mvinfra.http.ListTest.Item;
import io.mvinfra.http.ListTest.Style;
import io.mvinfra.http.ProviderException.Kind;
import support.FakeTime;
import support.TestHttp;

/**
 * Lists whose first page says how many there are (Cloudflare, Scaleway) fetch the others at once, bounded, in page
 * order, all or nothing; marker paging (OpenStack) goes one page after the other.
 */
class ConcurrentPagesTest {

    private static final int CONCURRENCY = 8;

    /** The stubbed answer once {@code latch} is down; after 10 s without, 500 with {@code body}. */
    private static ResponseDefinition heldUntil(CountDownLatch latch, ServeEvent event, String body) {
        try {
            return latch.await(10, TimeUnit.SECONDS) ? event.getResponseDefinition()
                    : ResponseDefinitionBuilder.responseDefinition().withStatus(500).withBody(body).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Pages 2 and 3 answer only once both are asked: read one after the other, page 2 gives up (500) after 10 s. */
    static final class Rendezvous implements ResponseDefinitionTransformerV2 {
        static volatile CountDownLatch meeting = new CountDownLatch(2);

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            meeting.countDown();
            return heldUntil(meeting, event, "alone");
        }

        @Override
        public String getName() {
            return "rendezvous";
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }
    }

    /** Counts the requests it holds at once, holding each a little so they overlap. */
    static final class InFlight implements ResponseDefinitionTransformerV2 {
        static final AtomicInteger now = new AtomicInteger();
        static final AtomicInteger most = new AtomicInteger();

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                now.decrementAndGet();
            }
            return event.getResponseDefinition();
        }

        @Override
        public String getName() {
            return "in-flight";
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }
    }

    /** Holds its answer until a handler opened it; after 10 s alone, 500. */
    static final class Gate implements ResponseDefinitionTransformerV2 {
        static volatile CountDownLatch open = new CountDownLatch(1);

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            return heldUntil(open, event, "never opened");
        }

        @Override
        public String getName() {
            return "gate";
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }
    }

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").containerThreads(40)
                    .extensions(new Rendezvous(), new InFlight(), new Gate()))
            .build();

    private final FakeTime time = new FakeTime();

    @BeforeEach
    void reset() {
        Rendezvous.meeting = new CountDownLatch(2);
        Gate.open = new CountDownLatch(1);
        InFlight.most.set(0);
    }

    @ParameterizedTest
    @EnumSource(value = Style.class, names = {"CLOUDFLARE", "SCALEWAY"})
    void pagesAfterTheFirstAreAskedAtOnce(Style style) {
        stubPages(style, 5, page -> page == 2 || page == 3 ? style.answer(page, 5).withTransformers("rendezvous")
                : style.answer(page, 5));

        List<Item> items = list(style);

        assertThat(items).extracting(Item::id).containsExactlyElementsOf(ids(5));
    }

    @ParameterizedTest
    @EnumSource(value = Style.class, names = {"CLOUDFLARE", "SCALEWAY"})
    void itemsComeInPageOrderWhateverOrderThePagesArriveIn(Style style) {
        // the later the page, the sooner its answer
        stubPages(style, 20, page -> style.answer(page, 20).withFixedDelay(page == 1 ? 0 : (21 - page) * 5));

        List<Item> items = list(style);

        assertThat(items).extracting(Item::id).containsExactlyElementsOf(ids(20));
    }

    @ParameterizedTest
    @EnumSource(value = Style.class, names = {"CLOUDFLARE", "SCALEWAY"})
    void neverMorePagesAtOnceThanTheSettingsAllow(Style style) {
        stubPages(style, 30, page -> style.answer(page, 30).withTransformers("in-flight"));

        List<Item> items = list(style);

        assertThat(items).hasSize(60);
        assertThat(InFlight.most.get()).isBetween(1, CONCURRENCY);
    }

    @Test
    void cloudflareCountingRequestsNotConnectionsTakesTwiceThePagesAtOnceAndScalewayTheSettings() throws BusinessException {
        stubPages(Style.CLOUDFLARE, 40, page -> Style.CLOUDFLARE.answer(page, 40).withTransformers("in-flight"));
        HttpRuntime runtime = new HttpRuntime(TestHttp.settings().withPageConcurrency(CONCURRENCY), time);

        List<Item> items = through(runtime, "CLOUDFLARE", "CLOUDFLARE_API_TOKEN").get(Style.CLOUDFLARE.path).at(Style.CLOUDFLARE.field)
                .list(Item.class);
        int cloudflareMost = InFlight.most.getAndSet(0);
        stubPages(Style.SCALEWAY, 40, page -> Style.SCALEWAY.answer(page, 40).withTransformers("in-flight"));
        through(runtime, "SCALEWAY", "SCALEWAY_SECRET_KEY").get(Style.SCALEWAY.path).at(Style.SCALEWAY.field).list(Item.class);

        assertThat(items).hasSize(80);
        assertThat(cloudflareMost).as("more than the settings' %d, at most twice", CONCURRENCY).isBetween(CONCURRENCY + 1, 2 * CONCURRENCY);
        assertThat(InFlight.most.get()).isBetween(1, CONCURRENCY);
    }

    /** The client a button gets for a provider of {@code kind}: through its profile, as ProviderAccess builds it. */
    private ProviderHttp through(HttpRuntime runtime, String kind, String credentialType) throws BusinessException {
        Credential credential = new Credential();
        credential.setAuthenticationType(credentialType);
        credential.setToken("token-not-a-secret");
        credential.setApiKey("key-not-a-secret");
        credential.setUuid("credential-" + kind);
        ServiceProvider provider = new ServiceProvider();
        provider.setCode(kind.toLowerCase(java.util.Locale.ROOT));
        provider.setKind(kind);
        provider.setApiBaseUrl(wm.baseUrl());
        return ProviderAccess.of(provider, credential, runtime).http(Style.valueOf(kind).dialect());
    }

    @ParameterizedTest
    @EnumSource(value = Style.class, names = {"CLOUDFLARE", "SCALEWAY"})
    void failureOnPage7Of20FailsTheWholeListAndReturnsNothing(Style style) {
        stubPages(style, 20, page -> style.answer(page, 20));
        wm.stubFor(style.request(7).willReturn(aResponse().withStatus(500)));

        assertThatThrownBy(() -> list(style)).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(500);
            assertThat(e.kind()).isEqualTo(Kind.PROVIDER_ERROR);
        });
        int asked = wm.findAll(getRequestedFor(urlPathEqualTo(style.path))).size();
        assertThat(asked).isBetween(7, 20);
    }

    @ParameterizedTest
    @EnumSource(value = Style.class, names = {"CLOUDFLARE", "SCALEWAY"})
    void eachPageIsHandedInOrderWhileTheLaterPagesAreFetched(Style style) throws BusinessException {
        // the last page answers only once the first was handed: a list handing its pages only once all arrived fails
        stubPages(style, 20, page -> page == 20 ? style.answer(page, 20).withTransformers("gate") : style.answer(page, 20));
        List<List<String>> handed = new java.util.ArrayList<>();

        http(style).get(style.path).at(style.field).eachPage(Item.class, page -> {
            Gate.open.countDown();
            handed.add(page.stream().map(Item::id).toList());
        });

        assertThat(handed).hasSize(20);
        assertThat(handed.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(ids(20));
    }

    @ParameterizedTest
    @EnumSource(value = Style.class, names = {"CLOUDFLARE", "SCALEWAY"})
    void failureOnPage7Of20HandsOnlyPagesBeforeItThenFails(Style style) {
        stubPages(style, 20, page -> style.answer(page, 20));
        wm.stubFor(style.request(7).willReturn(aResponse().withStatus(500)));
        List<String> handed = new java.util.ArrayList<>();

        assertThatThrownBy(() -> http(style).get(style.path).at(style.field)
                .eachPage(Item.class, page -> page.forEach(item -> handed.add(item.id()))))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.httpStatus()).isEqualTo(500));

        // the pages before 7 that were there before its failure was, in order; never one after it
        assertThat(handed).isNotEmpty();
        assertThat(ids(6)).startsWith(handed.toArray(String[]::new));
    }

    @ParameterizedTest
    @EnumSource(value = Style.class, names = {"CLOUDFLARE", "SCALEWAY"})
    void aHandlerThatFailsStopsTheListWithItsOwnFailure(Style style) {
        stubPages(style, 40, page -> style.answer(page, 40).withFixedDelay(page == 1 ? 0 : 50));

        assertThatThrownBy(() -> http(style).get(style.path).at(style.field).eachPage(Item.class, page -> {
            throw new BusinessException("the first page does not save");
        })).isInstanceOf(BusinessException.class).hasMessage("the first page does not save");

        // the first page, and at most the pages already in flight when the handler failed
        assertThat(wm.findAll(getRequestedFor(urlPathEqualTo(style.path))).size()).isBetween(1, 1 + 2 * CONCURRENCY);
    }

    @Test
    void markerPagingGoesOnePageAfterTheOther() {
        Style style = Style.OPENSTACK;
        stubPages(style, 5, page -> style.answer(page, 5));
        wm.stubFor(style.request(3).willReturn(aResponse().withStatus(500)));

        assertThatThrownBy(() -> list(style)).isInstanceOf(ProviderException.class);
        wm.verify(3, getRequestedFor(urlPathEqualTo(style.path)));
    }

    private static void stubPages(Style style, int pages, IntFunction<ResponseDefinitionBuilder> answer) {
        IntStream.rangeClosed(1, pages).forEach(page -> wm.stubFor(style.request(page).willReturn(answer.apply(page))));
    }

    private List<Item> list(Style style) {
        return http(style).get(style.path).at(style.field).list(Item.class);
    }

    private ProviderHttp http(Style style) {
        HttpRuntime runtime = new HttpRuntime(TestHttp.settings().withPageConcurrency(CONCURRENCY), time);
        return ProviderHttp.builder(runtime, wm.baseUrl(), style.dialect()).build();
    }

    private static List<String> ids(int pages) {
        return IntStream.rangeClosed(1, pages).boxed().flatMap(p -> List.of(Style.id(p, 1), Style.id(p, 2)).stream()).toList();
    }
}
