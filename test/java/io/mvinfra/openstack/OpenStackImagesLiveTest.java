package io.mvinfra.openstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mvinfra.host.runtime.AuditEntry.Outcome;
import io.mvinfra.host.runtime.PressResult;
import io.mvinfra.host.store.StoredEntity;
import io.mvinfra.http.HttpRuntime;
import io.mvinfra.http.ProviderException;
import io.mvinfra.http.ProviderHttp;
import io.mvinfra.http.TimeSource;
import io.mvinfra.openstack.compute.NovaServer;
import io.mvinfra.openstack.compute.ServerClient;
import io.mvinfra.openstack.image.GlanceImage;
import io.mvinfra.openstack.image.ImageClient;
import io.mvinfra.openstack.keystone.KeystoneAuth;
import io.mvinfra.openstack.keystone.KeystoneClient;
import io.mvinfra.openstack.keystone.KeystoneCredentials;
import io.mvinfra.openstack.keystone.KeystoneCredentials.ProjectScope;
import support.LocalServices;

/**
 * "Update", "Create image" on a Server and the Image buttons against the real Keystone, Nova (fake virt driver) and
 * Glance of ../shared/openstack-local, as user demo. Skipped when the stack is not running, unless
 * MVINFRA_REQUIRE_SERVICES=1.
 */
class OpenStackImagesLiveTest {

    private final String prefix = "mvinfra-test-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private OpenStackTestbed os;
    private KeystoneAuth keystone;

    @BeforeAll
    static void stackIsUp() {
        LocalServices.requireCompute();
    }

    @BeforeEach
    void open() {
        os = OpenStackTestbed.live(prefix);
        keystone = new KeystoneAuth(KeystoneClient.at(HttpRuntime.shared(), LocalServices.KEYSTONE_URL),
                new KeystoneCredentials.Password("demo", "Default", OpenStackTestbed.PASSWORD, ProjectScope.byName("demo", "Default")),
                null, KeystoneAuth.DEFAULT_RENEWAL_MARGIN, TimeSource.SYSTEM);
    }

    @AfterEach
    void close() {
        for (NovaServer left : nova().list()) {
            if (left.name() != null && left.name().startsWith(prefix)) {
                nova().delete(left.id()).send();
            }
        }
        for (GlanceImage left : glance().list()) {
            if (left.name() != null && left.name().startsWith(prefix)) {
                glance().delete(left.id()).send();
            }
        }
        os.close();
    }

    private PressResult press(String cet, String action, String uuid, Map<String, Object> parameters) {
        PressResult result = os.press(cet, action, uuid, parameters);
        assertThat(result.outcome()).as(action + ": " + result.message()).isEqualTo(Outcome.SUCCESS);
        return result;
    }

    @Test
    void aServerIsRenamedItsMetadataSetThenReplacedAndImagedThenTheImageUpdatedAndDeleted() {
        String image = os.create("Image", "name", "cirros-fake", "provider", os.provider);
        String server = os.server("instanceName", prefix + "web-1", "serverType", "m1.tiny", "image", image,
                "metadata", Map.of("purpose", "live test", "owner", "ops"));
        press("Server", "createServer", server, Map.of());
        String id = (String) os.field("Server", server, "providerSideId");

        os.update("Server", server, "instanceName", prefix + "web-2", "metadata", Map.of("purpose", "live test", "owner", "dev", "tier", "1"));
        PressResult merged = press("Server", "updateServer", server, Map.of());
        Map<String, String> afterMerge = nova().get(id).metadata();
        String nameAfterMerge = nova().get(id).name();
        os.update("Server", server, "metadata", Map.of("tier", "2"));
        PressResult replaced = press("Server", "updateServer", server, Map.of());
        Map<String, String> afterReplace = nova().get(id).metadata();
        PressResult unchanged = press("Server", "updateServer", server, Map.of());

        assertThat(merged.message()).isEqualTo("Server " + prefix + "web-2 updated at OpenStack: name; metadata owner, tier set");
        assertThat(nameAfterMerge).isEqualTo(prefix + "web-2");
        assertThat(afterMerge).containsEntry("purpose", "live test").containsEntry("owner", "dev").containsEntry("tier", "1")
                .containsEntry(ServerClient.ENTITY_KEY, server);
        assertThat(replaced.message()).isEqualTo("Server " + prefix + "web-2 updated at OpenStack: metadata replaced (2 keys)");
        assertThat(afterReplace).isEqualTo(Map.of("tier", "2", ServerClient.ENTITY_KEY, server));
        assertThat(unchanged.message()).isEqualTo("Server " + prefix + "web-2: nothing to change at OpenStack");

        PressResult imaged = press("Server", "createServerImage", server, Map.of("imageName", prefix + "snap"));
        List<StoredEntity> images = os.all("Image", "fromServer", id);
        assertThat(images).hasSize(1);
        String snap = images.get(0).uuid();
        String imageId = (String) os.field("Image", snap, "providerSideId");
        assertThat(imaged.message()).startsWith("Server " + prefix + "web-2: image " + prefix + "snap created (Glance id " + imageId + "), active");
        assertThat(glance().get(imageId).status()).isEqualTo("active");
        assertThat(os.field("Image", snap, "state")).isEqualTo("active");
        assertThat(os.all("ServerAction", "server", server)).extracting(a -> a.value("action") + " " + a.value("outcome"))
                .contains("createImage success");

        os.update("Image", snap, "name", prefix + "snap-renamed", "tags", List.of("backup", "web"));
        PressResult updated = press("Image", "updateOpenStackImage", snap, Map.of());
        GlanceImage atGlance = glance().get(imageId);
        PressResult deleted = press("Image", "deleteOpenStackImage", snap, Map.of());

        assertThat(updated.message()).isEqualTo("Image " + prefix + "snap-renamed updated at Glance: name, tags");
        assertThat(atGlance.name()).isEqualTo(prefix + "snap-renamed");
        assertThat(atGlance.tags()).containsExactlyInAnyOrder("backup", "web");
        assertThat(deleted.message()).isEqualTo("Image " + prefix + "snap-renamed deleted at OpenStack (id " + imageId + "), removed here");
        ProviderException gone = catchThrowableOfType(ProviderException.class, () -> glance().get(imageId));
        assertThat(gone.is(ProviderException.Kind.NOT_FOUND)).as(gone.getMessage()).isTrue();
    }

    @Test
    void listImagesFollowsNextAndReconcilesById() {
        PressResult listed = press("ServiceProvider", "listOpenStackImages", os.provider, Map.of());

        assertThat(listed.message()).startsWith("Images of openstack-local: ");
        List<StoredEntity> cirros = os.all("Image", "name", "cirros-fake");
        assertThat(cirros).hasSize(1);
        assertThat(cirros.get(0).value("state")).isEqualTo("active");
        assertThat(cirros.get(0).value("isPublic")).isEqualTo(Boolean.TRUE);
        List<String> onePage = glance().list().stream().map(GlanceImage::id).toList();
        List<String> onePerPage = glance().list(1).stream().map(GlanceImage::id).toList();
        assertThat(onePerPage).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(onePage);
    }

    private ServerClient nova() {
        ProviderHttp http = ProviderHttp.builder(HttpRuntime.shared(), keystone.endpoint("compute").toString(), new OpenStackDialect("nova"))
                .auth(keystone).build();
        return new ServerClient(http, ServerClient.negotiate(http));
    }

    private ImageClient glance() {
        return new ImageClient(ProviderHttp.builder(HttpRuntime.shared(), keystone.endpoint("image").toString(), new OpenStackDialect("glance"))
                .auth(keystone).build());
    }
}
