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
import io.mvinfra.http.ProviderException;
import io.mvinfra.openstack.compute.NovaServer;
import io.mvinfra.openstack.volume.CinderSnapshot;
import io.mvinfra.openstack.volume.CinderVolume;
import io.mvinfra.openstack.volume.VolumeClient;
import io.mvinfra.openstack.volume.VolumeSizes;
import support.LocalServices;

/**
 * The Volume buttons against the real Keystone, Cinder (fake backend: volumes are database rows, yet go creating →
 * available, extend, snapshot, and attach through Nova's real attachment flow) and Nova of ../shared/openstack-local,
 * as user demo. Everything made here carries a unique prefix and is deleted afterwards, whatever the test did.
 * Skipped when Cinder is not running, unless MVINFRA_REQUIRE_SERVICES=1.
 */
class OpenStackVolumesLiveTest {

    private final String prefix = "mvinfra-test-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private OpenStackTestbed os;
    private LiveStack demo;

    @BeforeAll
    static void stackIsUp() {
        LocalServices.requireBlockStorage();
    }

    @BeforeEach
    void open() {
        os = OpenStackTestbed.live(prefix);
        demo = LiveStack.demo();
    }

    @AfterEach
    void close() {
        VolumeClient cinder = demo.volumes();
        List<CinderVolume> ours = cinder.list().stream().filter(v -> v.name() != null && v.name().startsWith(prefix)).toList();
        for (NovaServer left : demo.nova().list()) {
            if (left.name() != null && left.name().startsWith(prefix)) {
                demo.nova().delete(left.id()).send();   // Nova detaches what it holds
            }
        }
        for (CinderVolume volume : ours) {
            cinder.findSnapshot(volume.id(), volume.name() + "-snapshot").ifPresent(s -> cinder.deleteSnapshot(s.id()).send());
        }
        for (CinderVolume volume : ours) {
            deleteWhenFree(cinder, volume.id());
        }
        os.close();
    }

    /** Deletes a volume once no snapshot or server holds it any more (a server's delete detaches in the background). */
    private static void deleteWhenFree(VolumeClient cinder, String id) {
        for (int attempt = 0; attempt < 40; attempt++) {
            try {
                cinder.delete(id).send();
                return;
            } catch (ProviderException e) {
                if (e.is(ProviderException.Kind.NOT_FOUND)) {
                    return;
                }
                sleep(250);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private PressResult press(String cet, String action, String uuid) {
        PressResult result = os.press(cet, action, uuid);
        assertThat(result.outcome()).as(action + ": " + result.message()).isEqualTo(Outcome.SUCCESS);
        return result;
    }

    private String newVolume(String name, long bytes) {
        return os.create("Volume", "name", prefix + name, "size", bytes, "provider", os.provider);
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 15, unit = java.util.concurrent.TimeUnit.MINUTES)   // a busy shared Nova boots slowly
    void aVolumeIsCreatedExtendedSnapshottedAttachedDetachedAndDeletedThroughTheButtons() {
        String volume = newVolume("data-1", VolumeSizes.GIB);
        String image = os.create("Image", "name", "cirros-fake", "provider", os.provider);
        String server = os.server("instanceName", prefix + "web-1", "serverType", "m1.tiny", "image", image);
        press("Server", "createServer", server);

        PressResult created = press("Volume", "createOpenStackVolume", volume);
        String id = (String) os.field("Volume", volume, "providerSideId");
        CinderVolume atCinder = demo.volumes().get(id);
        os.update("Volume", volume, "size", 2 * VolumeSizes.GIB);
        PressResult extended = press("Volume", "extendOpenStackVolume", volume);
        int sizeAfterExtend = demo.volumes().get(id).size();
        PressResult snapshotted = press("Volume", "snapshotOpenStackVolume", volume);
        List<StoredEntity> snapshots = os.all("Snapshot", "baseVolume", volume);
        CinderSnapshot snapshotAtCinder = demo.volumes().getSnapshot((String) snapshots.get(0).value("providerSideId"));
        os.update("Volume", volume, "server", server);
        PressResult attached = press("Volume", "attachOpenStackVolume", volume);
        CinderVolume inUse = demo.volumes().get(id);
        PressResult deleteWhileAttached = os.press("Volume", "deleteOpenStackVolume", volume, Map.of("confirm", "yes"));
        boolean stillThere = demo.volumes().get(id) != null;
        PressResult detached = press("Volume", "detachOpenStackVolume", volume);
        CinderVolume free = demo.volumes().get(id);
        demo.volumes().deleteSnapshot(snapshotAtCinder.id()).send();   // Cinder deletes no volume that has snapshots
        awaitSnapshotGone(snapshotAtCinder.id());
        PressResult deleted = press("Volume", "deleteOpenStackVolume", volume);

        String serverId = (String) os.field("Server", server, "providerSideId");
        assertThat(created.message()).isEqualTo("Volume " + prefix + "data-1 created at OpenStack (id " + id
                + "): 1 GiB (1073741824 bytes), type __DEFAULT__, available");
        assertThat(atCinder.size()).isEqualTo(1);
        assertThat(atCinder.metadata()).containsEntry(VolumeClient.ENTITY_KEY, volume);
        assertThat(extended.message()).isEqualTo("Volume " + prefix + "data-1 extended from 1 GiB (1073741824 bytes) to 2 GiB (2147483648 bytes)");
        assertThat(sizeAfterExtend).isEqualTo(2);
        assertThat(snapshotted.message()).startsWith("Volume " + prefix + "data-1: snapshot " + prefix + "data-1-snapshot taken (id ")
                .endsWith("available");
        assertThat(snapshots).hasSize(1);
        assertThat(snapshots.get(0).value("state")).isEqualTo("available");
        assertThat(snapshots.get(0).value("size")).isEqualTo(2 * VolumeSizes.GIB);
        assertThat(snapshotAtCinder.volumeId()).isEqualTo(id);
        assertThat(attached.message()).startsWith("Volume " + prefix + "data-1 attached to Server " + prefix + "web-1 (id " + serverId + ")")
                .endsWith("in-use");
        assertThat(inUse.serverIds()).containsExactly(serverId);
        assertThat(deleteWhileAttached.outcome()).isNotEqualTo(Outcome.SUCCESS);
        assertThat(deleteWhileAttached.message()).contains("Volume.server", "attached to server " + serverId, "detach it first");
        assertThat(stillThere).isTrue();
        assertThat(detached.message()).isEqualTo("Volume " + prefix + "data-1 detached from server " + serverId + ", available");
        assertThat(free.serverIds()).isEmpty();
        assertThat(deleted.message()).startsWith("Volume " + prefix + "data-1 (2 GiB (2147483648 bytes)) deleted at OpenStack (id " + id
                + ") and kept here, marked missing at OpenStack");
        assertThat(demo.volumes().list()).extracting(CinderVolume::id).doesNotContain(id);
        assertThat(os.field("Volume", volume, "missingAtProvider")).isEqualTo(Boolean.TRUE);
    }

    @Test
    void listVolumesReconcilesByIdEveryPageAndMarksWhatCinderNoLongerHas() {
        String first = newVolume("list-1", VolumeSizes.GIB);
        String second = newVolume("list-2", VolumeSizes.GIB);
        press("Volume", "createOpenStackVolume", first);
        press("Volume", "createOpenStackVolume", second);
        String byHand = os.create("Volume", "name", prefix + "gone", "providerSideId", UUID.randomUUID().toString(),
                "provider", os.provider, "state", "available");
        os.update("Volume", second, "state", "creating");   // behind Cinder: the list corrects it

        PressResult listed = press("ServiceProvider", "listOpenStackVolumes", os.provider);

        assertThat(listed.message()).startsWith("Volumes of openstack-local: ");
        assertThat(os.field("Volume", byHand, "missingAtProvider")).isEqualTo(Boolean.TRUE);
        assertThat(os.field("Volume", first, "missingAtProvider")).isEqualTo(Boolean.FALSE);
        assertThat(os.field("Volume", second, "state")).isEqualTo("available");
        List<String> onePage = demo.volumes().list().stream().map(CinderVolume::id).toList();
        List<String> onePerPage = demo.volumes().list(1).stream().map(CinderVolume::id).toList();
        assertThat(onePerPage).hasSizeGreaterThanOrEqualTo(2).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(onePage);
    }

    @Test
    void badFieldsAreRefusedBeforeAnyRequestNamingEachField() {
        String volume = os.create("Volume", "name", " ", "size", VolumeSizes.GIB + 1, "provider", os.provider, "zone", "GRA11");

        PressResult result = os.press("Volume", "createOpenStackVolume", volume);

        assertThat(result.outcome()).isNotEqualTo(Outcome.SUCCESS);
        assertThat(result.message()).contains("Volume.name: is required")
                .contains("Volume.size", "must be a whole number of GiB")
                .contains("Volume.zone", "GRA11");
        assertThat(os.field("Volume", volume, "providerSideId")).isNull();
    }

    /**
     * The session's token, revoked at Keystone while the session still holds it: Cinder, which never saw it, refuses
     * the create with 401; the press renews once, sends again, and the operator sees a plain success. (Services cache
     * the tokens they validated for minutes, so the revoked token goes first to a service that has not seen it.)
     */
    @Test
    void aRevokedSessionTokenIsRenewedWithoutTheOperatorNoticingAndWrittenBack() {
        press("ServiceProvider", "listOpenStackServers", os.provider);   // the session's token, kept on the Credential
        String before = token();
        LiveStack admin = LiveStack.admin();
        admin.revoke(before);
        String volume = newVolume("token-1", VolumeSizes.GIB);

        PressResult created = os.press("Volume", "createOpenStackVolume", volume);

        String after = token();
        assertThat(created.outcome()).as(created.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(created.message()).contains("created at OpenStack").endsWith("available");
        assertThat(os.all("Volume", "name", prefix + "token-1")).as("created once").hasSize(1);
        assertThat(demo.volumes().list()).filteredOn(v -> (prefix + "token-1").equals(v.name())).as("one volume at Cinder").hasSize(1);
        assertThat(before).isNotBlank();
        assertThat(admin.valid(before)).as("revoked").isFalse();
        assertThat(after).isNotBlank().isNotEqualTo(before);
        assertThat(admin.valid(after)).isTrue();
    }

    /** The Credential's token in plain text (it is stored encrypted). */
    private String token() {
        return (String) os.host.store().reveal(os.host.store().require("Credential", os.credential)).get("token");
    }

    private void awaitSnapshotGone(String id) {
        for (int attempt = 0; attempt < 40; attempt++) {
            try {
                demo.volumes().getSnapshot(id);
            } catch (ProviderException e) {
                if (e.is(ProviderException.Kind.NOT_FOUND)) {
                    return;
                }
                throw e;
            }
            sleep(250);
        }
    }
}
