package io.mvinfra.openstack;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.mvinfra.http.ProviderHttp;
import io.mvinfra.http.TimeSource;
import io.mvinfra.openstack.compute.Microversion;
import io.mvinfra.openstack.compute.NovaServer;
import io.mvinfra.openstack.compute.ServerClient;
import io.mvinfra.openstack.keystone.KeystoneAuth;
import io.mvinfra.openstack.keystone.KeystoneClient;
import io.mvinfra.openstack.keystone.KeystoneCredentials;
import io.mvinfra.openstack.keystone.KeystoneCredentials.ProjectScope;
import support.LocalServices;

/**
 * The Server buttons against the real Keystone, Nova (fake virt driver), Glance and Neutron of
 * ../shared/openstack-local, as user demo in project demo: image cirros-fake, flavors m1.tiny and m1.small, the shared
 * network private chosen by "auto". Waits take real time (a fake server boots in seconds). Skipped when the stack is
 * not running, unless MVINFRA_REQUIRE_SERVICES=1.
 */
class OpenStackServersLiveTest {

    private final String prefix = "mvinfra-test-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private OpenStackTestbed os;

    @BeforeAll
    static void stackIsUp() {
        LocalServices.requireCompute();
    }

    @BeforeEach
    void open() {
        os = OpenStackTestbed.live(prefix);
    }

    @AfterEach
    void close() {
        // whatever a failed test left behind goes, so the stack's quota is not eaten by test servers
        for (NovaServer left : nova().list()) {
            if (left.name() != null && left.name().startsWith(prefix)) {
                nova().delete(left.id()).send();
            }
        }
        os.close();
    }

    private String newServer(String name) {
        String image = os.create("Image", "name", "cirros-fake", "provider", os.provider);
        return os.server("instanceName", prefix + name, "serverType", "m1.tiny", "image", image,
                "metadata", Map.of("purpose", "live test"));
    }

    private PressResult press(String action, String server, Map<String, Object> parameters) {
        PressResult result = os.press("Server", action, server, parameters);
        assertThat(result.outcome()).as(action + ": " + result.message()).isEqualTo(Outcome.SUCCESS);
        return result;
    }

    private PressResult press(String action, String server) {
        return press(action, server, Map.of());
    }

    @Test
    void aServerIsCreatedStoppedStartedRebootedResizedAndDeletedThroughTheButtons() {
        String server = newServer("web-1");

        PressResult created = press("createServer", server);
        String id = (String) os.field("Server", server, "providerSideId");
        NovaServer atNova = nova().get(id);
        PressResult stopped = press("stopServer", server);
        PressResult refusedByCondition = os.press("Server", "stopServer", server);
        os.update("Server", server, "status", "ACTIVE");   // an entity behind Nova's state: the button shows, Nova refuses
        PressResult stopAgain = os.press("Server", "stopServer", server);
        os.update("Server", server, "status", "SHUTOFF");
        PressResult started = press("startServer", server);
        PressResult soft = press("softRebootServer", server);
        PressResult hard = press("hardRebootServer", server);
        PressResult resized = press("resizeServer", server, Map.of("flavor", "m1.small"));
        String statusAfterResize = (String) os.field("Server", server, "status");
        PressResult confirmed = press("confirmServerResize", server);
        String flavorAfterConfirm = (String) os.field("Server", server, "serverType");
        PressResult deleted = press("deleteServer", server);

        assertThat(created.message()).startsWith("Server " + prefix + "web-1 created (id " + id + "), ACTIVE on flavor m1.tiny, address 10.0.0.");
        assertThat(atNova.metadata()).containsEntry("purpose", "live test").containsEntry(ServerClient.ENTITY_KEY, server);
        assertThat(stopped.message()).isEqualTo("Server " + prefix + "web-1: os-stop done, now SHUTOFF");
        assertThat(refusedByCondition.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(stopAgain.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(stopAgain.message()).startsWith("Nova refused the request (HTTP 409, conflictingRequest): Cannot 'stop' instance " + id)
                .contains("vm_state stopped");
        assertThat(started.message()).endsWith("os-start done, now ACTIVE");
        assertThat(soft.message()).endsWith("reboot_soft done, now ACTIVE");
        assertThat(hard.message()).endsWith("reboot_hard done, now ACTIVE");
        assertThat(resized.message()).endsWith("resize done, now VERIFY_RESIZE");
        assertThat(statusAfterResize).isEqualTo("VERIFY_RESIZE");
        assertThat(confirmed.message()).endsWith("confirmResize done, now ACTIVE");
        assertThat(flavorAfterConfirm).isEqualTo("m1.small");
        assertThat(deleted.message()).isEqualTo("Server " + prefix + "web-1 deleted at OpenStack (id " + id + "); kept here, marked DELETED");
        assertThat(os.field("Server", server, "status")).isEqualTo("DELETED");
        // Nova answers a deleted server as DELETED for a few seconds before its 404 (seen as user demo): the wait
        // ends at either, so a list right after shows it as DELETED or not at all, never as anything else
        assertThat(nova().list()).filteredOn(s -> s.id().equals(id)).extracting(NovaServer::status).isSubsetOf("DELETED");
        List<StoredEntity> actions = os.all("ServerAction", "server", server);
        assertThat(actions).extracting(a -> a.value("action") + " " + a.value("outcome")).containsExactlyInAnyOrder(
                "create success", "os-stop success", "os-stop failure", "os-start success", "reboot_soft success",
                "reboot_hard success", "resize success", "confirmResize success", "delete success");
    }

    @Test
    void listServersReconcilesByIdEveryPageAndMarksWhatNovaNoLongerHas() {
        String first = newServer("list-1");
        String second = newServer("list-2");
        press("createServer", first);
        press("createServer", second);
        String secondId = (String) os.field("Server", second, "providerSideId");
        String byHand = os.server("instanceName", prefix + "gone", "serverType", "m1.tiny", "providerSideId", UUID.randomUUID().toString(), "status", "ACTIVE");
        nova().delete(secondId).send();

        PressResult listed = os.press("ServiceProvider", "listOpenStackServers", os.provider);

        assertThat(listed.outcome()).as(listed.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(listed.message()).startsWith("Servers of openstack-local: ");
        assertThat(os.field("Server", byHand, "missingAtProvider")).isEqualTo(Boolean.TRUE);
        assertThat(os.field("Server", first, "missingAtProvider")).isEqualTo(Boolean.FALSE);
        assertThat(os.all("Server", "provider", os.provider)).as("nothing of another prefix stored").allSatisfy(
                s -> assertThat((String) s.value("instanceName")).startsWith(prefix));
        // the deleted one may still be listed while Nova deletes it: left out of both
        List<String> onePage = nova().list().stream().map(NovaServer::id).filter(id -> !id.equals(secondId)).toList();
        List<String> onePerPage = nova().list(1).stream().map(NovaServer::id).filter(id -> !id.equals(secondId)).toList();
        assertThat(onePerPage).hasSizeGreaterThanOrEqualTo(1).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(onePage);
    }

    @Test
    void aConsoleOnAStackWithoutVncIsNovasRefusalInItsWordsAndRecorded() {
        String server = newServer("console-1");
        press("createServer", server);

        PressResult console = os.press("Server", "openServerConsole", server);

        // the stack's nova-compute has VNC off (../shared/openstack-local/README.md: no VNC/console)
        assertThat(console.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(console.message()).startsWith("Nova refused the request (HTTP 400, badRequest): Unavailable console type novnc.");
        assertThat(os.all("ServerAction", "server", server)).extracting(a -> a.value("action") + " " + a.value("outcome"))
                .containsExactlyInAnyOrder("create success", "console failure");
    }

    @Test
    void theMicroversionIsTheHighestBothSidesSpeak() {
        assertThat(nova().version()).isEqualTo(new Microversion(2, 79));   // Zed's Nova goes to 2.93
    }

    /** Nova as the demo user, straight from the client, to look behind the buttons. */
    private ServerClient nova() {
        HttpRuntime runtime = HttpRuntime.shared();
        KeystoneAuth keystone = new KeystoneAuth(KeystoneClient.at(runtime, LocalServices.KEYSTONE_URL),
                new KeystoneCredentials.Password("demo", "Default", OpenStackTestbed.PASSWORD, ProjectScope.byName("demo", "Default")),
                null, KeystoneAuth.DEFAULT_RENEWAL_MARGIN, TimeSource.SYSTEM);
        ProviderHttp http = ProviderHttp.builder(runtime, keystone.endpoint("compute").toString(), new OpenStackDialect("nova"))
                .auth(keystone).build();
        return new ServerClient(http, ServerClient.negotiate(http));
    }
}
