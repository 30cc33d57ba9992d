package io.mvinfra.openstack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static support.Fixtures.fixture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.host.runtime.AuditEntry.Outcome;
import io.mvinfra.host.runtime.PressResult;
import support.FakeTime;

/**
 * An OVH ServiceProvider whose Keystone answers a catalog as OVH Public Cloud's does: compute, image and network in
 * regions GRA11, SBG5 and BHS5 (one more interface in GRA11). "List servers" goes to Nova of the credential's region;
 * a region the catalog does not have, or none where several offer compute, is a clear error naming the catalog's
 * regions, before any compute request.
 */
@WireMockTest
class OvhCatalogRegionsTest {

    private OpenStackTestbed os;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        stubFor(post(urlPathEqualTo("/v3/auth/tokens")).willReturn(aResponse().withStatus(201).withHeader("X-Subject-Token", "ovh-tok")
                .withHeader("Content-Type", "application/json")
                .withBody(fixture("openstack/keystone-token-ovh-catalog.json").replace("BASE", wm.getHttpBaseUrl()))));
        for (String region : new String[] {"gra11", "sbg5", "bhs5"}) {
            stubFor(get(urlPathEqualTo("/" + region + "/compute/v2.1/")).willReturn(okJson(fixture("openstack/nova-version-2.1.json"))));
            stubFor(get(urlPathEqualTo("/" + region + "/compute/v2.1/servers/detail")).willReturn(okJson("{\"servers\": [], \"servers_links\": []}")));
        }
        os = OpenStackTestbed.at(wm.getHttpBaseUrl() + "/v3", "dev-", new FakeTime());
        os.update("ServiceProvider", os.provider, "kind", "OVH");
    }

    @AfterEach
    void close() {
        os.close();
    }

    @Test
    void novaIsTheOneOfTheCredentialsRegion() {
        os.update("Credential", os.credential, "region", "SBG5");

        PressResult result = os.press("ServiceProvider", "listOpenStackServers", os.provider);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        verify(1, getRequestedFor(urlPathEqualTo("/sbg5/compute/v2.1/servers/detail")).withHeader("X-Auth-Token", equalTo("ovh-tok")));
        verify(0, getRequestedFor(urlPathMatching("/(gra11|bhs5)/.*")));
    }

    @Test
    void aRegionTheCatalogDoesNotHaveIsAClearErrorListingItsRegions() {
        os.update("Credential", os.credential, "region", "WAW9");

        PressResult result = os.press("ServiceProvider", "listOpenStackServers", os.provider);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).isEqualTo("Keystone: the service catalog has no public 'compute' endpoint in region WAW9;"
                + " it has [internal in GRA11, public in BHS5, public in GRA11, public in SBG5]");
        verify(0, anyRequestedFor(urlPathMatching("/(gra11|sbg5|bhs5)/.*")));
    }

    @Test
    void noRegionWhereSeveralOfferComputeSaysWhichTheyAre() {
        PressResult result = os.press("ServiceProvider", "listOpenStackServers", os.provider);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).isEqualTo("Keystone: the service catalog has 3 public 'compute' endpoints, in regions"
                + " [BHS5, GRA11, SBG5]: set the credential's region to choose one");
        verify(0, anyRequestedFor(urlPathMatching("/(gra11|sbg5|bhs5)/.*")));
    }
}
