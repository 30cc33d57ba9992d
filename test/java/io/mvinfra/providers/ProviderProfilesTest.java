package io.mvinfra.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mvinfra.credentials.ProviderProfile;
import support.TestHosts;

/** The registry and the ServiceProvider descriptor agree: every kind an operator can pick has a profile, and no more. */
class ProviderProfilesTest {

    @Test
    void everyKindOfTheServiceProviderTemplateHasAProfileAndEveryProfileAKind() throws IOException {
        JsonNode kind = new ObjectMapper().readTree(Files.readString(
                TestHosts.projectDir().resolve("customFieldTemplates/CE_ServiceProvider/kind.json")));
        List<String> listed = StreamSupport.stream(((Iterable<String>) () -> kind.path("listValues").fieldNames()).spliterator(), false).toList();

        assertThat(ProviderProfiles.all()).extracting(ProviderProfile::kind).containsExactlyElementsOf(listed);
    }

    @Test
    void noTwoProfilesTakeTheSameCredentialTypeUnlessTheySpeakTheSameApi() {
        List<String> cloudflare = ProviderProfiles.of("CLOUDFLARE").orElseThrow().credentialTypes();
        List<String> openstack = ProviderProfiles.of("OPENSTACK").orElseThrow().credentialTypes();

        assertThat(ProviderProfiles.of("OVH").orElseThrow().credentialTypes()).isEqualTo(openstack);
        assertThat(cloudflare).doesNotContainAnyElementsOf(openstack);
        assertThat(ProviderProfiles.of("AZURE")).isEmpty();
    }
}
