package io.mvinfra.scaleway;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static io.mvinfra.scaleway.ScalewayTestbed.answer;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.host.runtime.AuditEntry.Outcome;
import io.mvinfra.host.runtime.PressResult;
import io.mvinfra.host.store.StoredEntity;

/** ServiceProvider → "List images" ({@link ListScalewayImages}): the account's own images, paged by X-Total-Count. */
@WireMockTest
class ListScalewayImagesTest {

    private static final String PAR1 = "/instance/v1/zones/fr-par-1/images";

    private ScalewayTestbed scw;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        scw = ScalewayTestbed.at(wm.getHttpBaseUrl());
        stubFor(get(urlPathEqualTo(PAR1)).withQueryParam("page", absent())
                .willReturn(answer("images-fr-par-1-page-1.json").withHeader("X-Total-Count", "2")
                        .withHeader("Link", "</images?page=2&per_page=100&public=false>; rel=\"next\", </images?page=2&per_page=100&public=false>; rel=\"last\"")));
        stubFor(get(urlPathEqualTo(PAR1)).withQueryParam("page", equalTo("2"))
                .willReturn(answer("images-fr-par-1-page-2.json").withHeader("X-Total-Count", "2")));
        stubFor(get(urlPathEqualTo("/instance/v1/zones/nl-ams-1/images"))
                .willReturn(answer("images-nl-ams-1.json").withHeader("X-Total-Count", "0")));
    }

    @AfterEach
    void close() {
        scw.close();
    }

    @Test
    void storesTheAccountsImagesLinkedToTheSnapshotEachBootsFrom() {
        String snapshot = scw.snapshot("name", "data-1-daily", "zone", "fr-par-1", "providerSideId", "a573bd7b-b83e-4b45-8013-7551ad2588a9");

        PressResult result = scw.press("ServiceProvider", "listScalewayServerImages", scw.provider);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).isEqualTo("Images of scw-main in fr-par-1, nl-ams-1: 2 listed: 2 new");
        StoredEntity gold = scw.all("Image", "name", "web-gold").get(0);
        assertThat(gold.value("rootSnapshot")).isEqualTo(snapshot);
        assertThat(gold.value("arch")).isEqualTo("x86_64");
        assertThat(gold.value("isPublic")).isEqualTo(Boolean.FALSE);
        assertThat(gold.value("creationDate")).isNotNull();
        assertThat(scw.all("Image", "name", "api-gold").get(0).value("arch")).isEqualTo("arm64");
        verify(getRequestedFor(urlPathEqualTo(PAR1)).withQueryParam("public", equalTo("false")).withQueryParam("per_page", equalTo("100")));
    }

    @Test
    void anImageNoLongerListedIsMarkedNotDeleted() {
        String gone = scw.image("name", "old", "zone", "nl-ams-1", "providerSideId", "11111111-2222-4333-8444-555555555555");

        PressResult result = scw.press("ServiceProvider", "listScalewayServerImages", scw.provider);

        assertThat(result.message()).endsWith("; 1 no longer at the provider (kept, marked)");
        assertThat(scw.field("Image", gone, "missingAtProvider")).isEqualTo(Boolean.TRUE);
    }
}
