package io.mvinfra.openstack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import io.mvinfra.host.runtime.AuditEntry.Outcome;
import io.mvinfra.host.runtime.PressResult;
import io.mvinfra.host.store.StoredEntity;
import support.FakeTime;

/**
 * "Populate provider fields" of an OVH provider whose catalog has two regions (GRA11 and SBG5, as OVH's Keystone lists
 * them), the credential working in GRA11: the regions and every region's endpoints come from the catalog; flavors,
 * key pairs, images and networks from GRA11's services only.
 */
@WireMockTest
class OpenStackPopulateProviderFieldsTest {

    private OpenStackTestbed os;
    private String base;

    @BeforeEach
    void open(WireMockRuntimeInfo wm) {
        base = wm.getHttpBaseUrl();
        stubFor(post(urlPathEqualTo("/v3/auth/tokens")).willReturn(aResponse().withStatus(201).withHeader("X-Subject-Token", "tok-1")
                .withHeader("Content-Type", "application/json")
                .withBody(fixture("openstack/keystone-token-ovh-regions.json").replace("BASE", base))));
        stubFor(get(urlPathEqualTo("/gra11/compute/v2.1/")).willReturn(okJson(fixture("openstack/nova-version-2.1.json"))));
        stubFor(get(urlPathEqualTo("/gra11/compute/v2.1/flavors/detail")).willReturn(okJson(fixture("openstack/nova-flavors-detail.json"))));
        stubFor(get(urlPathEqualTo("/gra11/compute/v2.1/os-keypairs")).willReturn(okJson(fixture("openstack/nova-keypairs.json"))));
        stubFor(get(urlPathEqualTo("/gra11/image/v2/images")).willReturn(okJson(fixture("openstack/glance-images-one.json"))));
        stubFor(get(urlPathEqualTo("/gra11/network/v2.0/networks")).willReturn(okJson(fixture("openstack/neutron-networks-one.json"))));
        os = OpenStackTestbed.at(base + "/v3", "dev-", new FakeTime());
        os.update("ServiceProvider", os.provider, "kind", "OVH");
        os.update("Credential", os.credential, "region", "GRA11");
    }

    @AfterEach
    void close() {
        os.close();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> map(StoredEntity entity, String field) {
        return (Map<String, String>) entity.value(field);
    }

    @Test
    void regionsAndEndpointsComeFromTheCatalogAndTheRestFromTheCredentialsRegion() {
        PressResult result = os.press("ServiceProvider", "populateOpenStackProviderFields", os.provider);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).isEqualTo("openstack-local: 3 regions (GRA, GRA11, SBG5), 7 endpoints, 2 flavors, 1 key pairs, "
                + "1 images, 1 networks (flavors, images and networks of GRA11)");
        StoredEntity provider = os.entity("ServiceProvider", os.provider);
        assertThat(provider.value("zones")).isEqualTo(List.of("GRA", "GRA11", "SBG5"));
        assertThat(map(provider, "providerEndpoints"))
                .containsEntry("GRA11:compute", base + "/gra11/compute/v2.1")
                .containsEntry("SBG5:compute", base + "/sbg5/compute/v2.1")
                .containsEntry("SBG5:network", base + "/sbg5/network")
                .containsEntry("GRA:identity", base + "/v3")
                .hasSize(7);
        assertThat(map(provider, "providerServerTypes")).containsOnlyKeys("b2-7", "d2-2");
        assertThat(map(provider, "providerServerTypes").get("b2-7")).contains("\"vcpus\":2", "\"ram_mib\":7000", "\"disk_gib\":50", "\"id\":\"b2-7\"");
        assertThat(provider.value("providerKeyPairs")).isEqualTo(List.of("ops-laptop"));
        assertThat(map(provider, "providerImages")).containsExactly(Map.entry("0f7c2a9e-0000-4000-8000-000000000001", "Debian 12"));
        assertThat(map(provider, "providerNetworks")).containsExactly(Map.entry("2f0b6a1c-0000-4000-8000-000000000001", "Ext-Net"));
        assertThat(provider.value("apiBaseUrl")).as("an API URL given is kept").isEqualTo(base + "/v3");
        verify(getRequestedFor(urlPathEqualTo("/gra11/compute/v2.1/flavors/detail")).withHeader("X-Auth-Token", equalTo("tok-1"))
                .withHeader("OpenStack-API-Version", equalTo("compute 2.79")));
        verify(getRequestedFor(urlPathEqualTo("/gra11/compute/v2.1/os-keypairs")).withQueryParam("limit", equalTo("1000")));
        verify(0, getRequestedFor(urlPathMatching("/sbg5/.*")));
    }
}
