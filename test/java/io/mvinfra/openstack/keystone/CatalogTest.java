package io.mvinfra.openstack.keystone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static support.Fixtures.fixture;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.mvinfra.http.Json;
import io.mvinfra.http.ProviderException;
import io.mvinfra.http.ProviderException.Kind;

/** An endpoint is chosen by service type, interface and region, or a clear error says why none can be. */
class CatalogTest {

    private final Catalog catalog = catalogOf("keystone/token-password.json");

    @Test
    void choosesByTypeInterfaceAndRegion() {
        assertThat(catalog.endpoint("compute", "public", "SBG5")).hasToString("https://compute.sbg5.cloud.example/v2.1");
        assertThat(catalog.endpoint("compute", "internal", "GRA7")).hasToString("http://nova.gra7.internal:8774/v2.1");
    }

    @Test
    void aServiceInOneRegionNeedsNoRegion() {
        assertThat(catalog.endpoint("network", "public", null)).hasToString("https://network.gra7.cloud.example/");
    }

    @Test
    void severalRegionsAndNoneChosenIsAmbiguous() {
        ProviderException e = catchThrowableOfType(ProviderException.class, () -> catalog.endpoint("compute", "public", null));

        assertThat(e.kind()).isEqualTo(Kind.CONFIGURATION);
        assertThat(e.getMessage()).isEqualTo("keystone: the service catalog has 2 public 'compute' endpoints, in regions "
                + "[GRA7, SBG5]: set the credential's region to choose one");
    }

    @Test
    void missingServiceTypeSaysWhatTheCatalogHas() {
        ProviderException e = catchThrowableOfType(ProviderException.class, () -> catalog.endpoint("volumev3", "public", "GRA7"));

        assertThat(e.getMessage()).isEqualTo("keystone: the service catalog has no 'volumev3' service; it lists "
                + "[compute, identity, network]");
    }

    @Test
    void missingRegionSaysWhereTheServiceIs() {
        ProviderException e = catchThrowableOfType(ProviderException.class, () -> catalog.endpoint("compute", "public", "DE1"));

        assertThat(e.getMessage()).isEqualTo("keystone: the service catalog has no public 'compute' endpoint in region DE1; "
                + "it has [internal in GRA7, public in GRA7, public in SBG5]");
    }

    @Test
    void missingInterfaceSaysWhichOnesExist() {
        ProviderException e = catchThrowableOfType(ProviderException.class, () -> catalog.endpoint("network", "admin", "GRA7"));

        assertThat(e.getMessage()).contains("no admin 'network' endpoint in region GRA7; it has [public in GRA7]");
    }

    private static Catalog catalogOf(String tokenFixture) {
        try {
            Catalog.Service[] services = Json.SNAKE_CASE.treeToValue(
                    Json.SNAKE_CASE.readTree(fixture(tokenFixture)).path("token").path("catalog"), Catalog.Service[].class);
            return new Catalog(List.of(services));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
