package io.mvinfra.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.cloudflare.CloudflareDialect;
import io.mvinfra.http.ProviderException.Kind;
import io.mvinfra.openstack.OpenStackDialect;
import io.mvinfra.scaleway.ScalewayDialect;
import support.FakeTime;
import support.TestHttp;

/** A list is read to its end or not at all, whatever the provider's paging style. */
@WireMockTest
class ListTest {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Item(String id, String name) {
    }

    /** Five pages of two items in each provider's style; page {@code n} is stubbed by what identifies it. */
    enum Style {
        CLOUDFLARE("/zones/z1/dns_records", null) {
            ProviderDialect dialect() {
                return new CloudflareDialect();
            }

            MappingBuilder request(int page) {
                return get(urlPathEqualTo(path)).withQueryParam("page", page == 1 ? absent() : equalTo(String.valueOf(page)));
            }

            ResponseDefinitionBuilder answer(int page, int of) {
                return okJson("{\"success\":true,\"errors\":[],\"messages\":[],\"result\":" + items(page)
                        + ",\"result_info\":{\"page\":" + page + ",\"per_page\":2,\"count\":2,\"total_count\":" + 2 * of
                        + ",\"total_pages\":" + of + "}}");
            }
        },
        SCALEWAY("/instance/v1/zones/fr-par-1/servers", "servers") {
            ProviderDialect dialect() {
                return new ScalewayDialect();
            }

            MappingBuilder request(int page) {
                return get(urlPathEqualTo(path)).withQueryParam("per_page", equalTo("100"))
                        .withQueryParam("page", page == 1 ? absent() : equalTo(String.valueOf(page)));
            }

            ResponseDefinitionBuilder answer(int page, int of) {
                // As Scaleway writes it: relative to the zone, not to the request's path.
                String link = "</servers?page=" + of + "&per_page=100>; rel=\"last\"";
                if (page < of) {
                    link = "</servers?page=" + (page + 1) + "&per_page=100>; rel=\"next\"," + link;
                }
                return okJson("{\"servers\":" + items(page) + "}").withHeader("X-Total-Count", String.valueOf(2 * of))
                        .withHeader("Link", link);
            }
        },
        OPENSTACK("/v2.1/servers/detail", "servers") {
            ProviderDialect dialect() {
                return new OpenStackDialect("nova");
            }

            MappingBuilder request(int page) {
                return get(urlPathEqualTo(path)).withQueryParam("marker", page == 1 ? absent() : equalTo(id(page - 1, 2)));
            }

            ResponseDefinitionBuilder answer(int page, int of) {
                String links = page < of ? ",\"servers_links\":[{\"rel\":\"next\",\"href\":\"http://nova.internal:8774"
                        + path + "?limit=2&marker=" + id(page, 2) + "\"}]" : "";
                return okJson("{\"servers\":" + items(page) + links + "}");
            }
        };

        final String path;
        final String field;

        Style(String path, String field) {
            this.path = path;
            this.field = field;
        }

        abstract ProviderDialect dialect();

        abstract MappingBuilder request(int page);

        abstract ResponseDefinitionBuilder answer(int page, int of);

        static String id(int page, int index) {
            return "item-" + page + "-" + index;
        }

        static String items(int page) {
            return "[{\"id\":\"" + id(page, 1) + "\",\"name\":\"dev-" + page + "-1\"},{\"id\":\"" + id(page, 2)
                    + "\",\"name\":\"dev-" + page + "-2\"}]";
        }
    }

    private final FakeTime time = new FakeTime();
    private HttpRuntime runtime;
    private String baseUrl;

    @BeforeEach
    void runtime(WireMockRuntimeInfo wm) {
        runtime = TestHttp.runtime(time);
        baseUrl = wm.getHttpBaseUrl();
    }

    @ParameterizedTest
    @EnumSource(Style.class)
    void readsEveryPageToTheEnd(Style style) {
        IntStream.rangeClosed(1, 5).forEach(page -> stubFor(style.request(page).willReturn(style.answer(page, 5))));

        List<Item> items = list(style);

        assertThat(items).extracting(Item::id).containsExactlyElementsOf(
                IntStream.rangeClosed(1, 5).boxed().flatMap(p -> List.of(Style.id(p, 1), Style.id(p, 2)).stream()).toList());
        verify(5, getRequestedFor(urlPathEqualTo(style.path)));
    }

    /** Pages read one after the other (page concurrency 1) stop at the failed one: ConcurrentPagesTest for the rest. */
    @ParameterizedTest
    @EnumSource(Style.class)
    void failureOnPage3Of5ReadOneAfterTheOtherFailsTheWholeList(Style style) {
        IntStream.rangeClosed(1, 5).forEach(page -> stubFor(style.request(page).willReturn(style.answer(page, 5))));
        stubFor(style.request(3).willReturn(aResponse().withStatus(500)));
        runtime = new HttpRuntime(TestHttp.settings().withPageConcurrency(1), time);

        assertThatThrownBy(() -> list(style)).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(500);
            assertThat(e.kind()).isEqualTo(Kind.PROVIDER_ERROR);
        });
        verify(3, getRequestedFor(urlPathEqualTo(style.path)));
    }

    @Test
    void pageStillUnavailableAfterItsRetriesFailsTheWholeList() {
        Style style = Style.OPENSTACK;
        IntStream.rangeClosed(1, 5).forEach(page -> stubFor(style.request(page).willReturn(style.answer(page, 5))));
        stubFor(style.request(3).willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> list(style)).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE));
        verify(2 + TestHttp.settings().maxAttempts(), getRequestedFor(urlPathEqualTo(style.path)));
    }

    @Test
    void anEmptyPageEndsTheListWhateverItsLinksSay() {
        Style style = Style.OPENSTACK;
        stubFor(style.request(1).willReturn(style.answer(1, 5)));
        stubFor(style.request(2).willReturn(okJson("{\"servers\":[],\"servers_links\":[{\"rel\":\"next\",\"href\":\"/v2.1/servers/detail?marker=x\"}]}")));

        List<Item> items = list(style);

        assertThat(items).hasSize(2);
        verify(2, getRequestedFor(urlPathEqualTo(style.path)));
    }

    @Test
    void pagingThatComesBackToAPageAlreadyReadIsAnError() {
        Style style = Style.OPENSTACK;
        stubFor(style.request(1).willReturn(style.answer(1, 5)));
        stubFor(style.request(2).willReturn(okJson("{\"servers\":" + Style.items(2)
                + ",\"servers_links\":[{\"rel\":\"next\",\"href\":\"/v2.1/servers/detail?limit=2&marker=" + Style.id(1, 2) + "\"}]}")));

        assertThatThrownBy(() -> list(style)).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.UNEXPECTED_ANSWER);
            assertThat(e.getMessage()).contains("came back to a page already read");
        });
    }

    @Test
    void anAnswerWithoutTheListIsAnError() {
        stubFor(get(urlPathEqualTo(Style.OPENSTACK.path)).willReturn(okJson("{\"server\":{}}")));

        assertThatThrownBy(() -> list(Style.OPENSTACK)).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.getMessage()).contains("answered without a list in 'servers'"));
    }

    private List<Item> list(Style style) {
        ProviderHttp http = ProviderHttp.builder(runtime, baseUrl, style.dialect()).build();
        return http.get(style.path).at(style.field).list(Item.class);
    }
}
