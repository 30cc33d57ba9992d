package io.mvinfra.scaleway;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Image;
import org.meveo.model.customEntities.Server;
import org.meveo.model.customEntities.ServiceProvider;
import org.meveo.model.customEntities.Snapshot;

import io.mvinfra.buttons.ServerActionLog;
import io.mvinfra.http.HttpRuntime;
import io.mvinfra.http.ProviderCall;
import io.mvinfra.http.ProviderException;
import io.mvinfra.http.StateWait;
import io.mvinfra.scaleway.images.ImageMapper;
import io.mvinfra.scaleway.images.ScalewayImage;
import io.mvinfra.scaleway.servers.ScalewayServer;
import io.mvinfra.scaleway.servers.ScalewayTask;
import io.mvinfra.scaleway.servers.ServerAction;
import io.mvinfra.scaleway.servers.ServerStates;

/**
 * Server → "Back up": Scaleway's backup action, an image of every volume of the server under the name given
 * ({@code backupName} parameter, else the Server's {@code backupName}, else {@code <server>-<UTC time>}), waited for
 * until the image is available and recorded as an Image entity with a Snapshot entity for each of its volumes.
 */
public class BackupServer extends ScalewayButton {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        ServerAt at = serverAt(ctx, "create it first");
        Server server = at.server();
        String name = at.name();
        String id = at.id();
        String zone = at.zone();
        ServiceProvider provider = at.provider();
        ScalewayClient scaleway = at.scaleway();
        ScalewayServer current = at.current();
        if (!current.allows(ServerAction.BACKUP.code())) {
            throw new BusinessException(name + " is " + current.state() + ": Scaleway does not allow a backup now");
        }
        String backupName = backupName(ctx, server);
        ProviderCall<ScalewayTask> backup = scaleway.servers().action(zone, id, ServerAction.BACKUP, backupName);
        if (dryRun(ctx)) {
            describeDryRun(ctx, backup);
            return;
        }
        ServerActionLog.Tracked tracked = new ServerActionLog(this::saveDurably, line -> progress(ctx, line)).track(server, "backup");
        ScalewayImage image;
        Image entity = new Image();
        try {
            ScalewayTask task = backup.send();
            tracked.sent(task.id(), task.toString());
            String imageId = imageIdOf(task);
            // the image exists from now on: kept before the wait, so a failed wait still leaves it found
            entity.setProvider(new ServiceProvider(provider.getUuid()));
            entity.setName(backupName);
            entity.setZone(zone);
            entity.setFromServer(id);
            entity.setProviderSideId(imageId);
            entity.setState("creating");
            entity.setUuid(saveDurably(entity));
            StateWait.of("scaleway", "image " + backupName, HttpRuntime.shared().time(), () -> scaleway.images().get(zone, imageId).state())
                    .until("available").failingOn("error").within(ServerStates.DEADLINE)
                    .onProgress(p -> tracked.progress("image " + p.state() + " after " + p.elapsed().toSeconds() + " s", null))
                    .await();
            image = scaleway.images().get(zone, imageId);
            tracked.succeeded("image " + image.state());
        } catch (ProviderException | BusinessException e) {
            tracked.failed(e);
            throw e;
        }
        Map<String, String> snapshots = new HashMap<>();
        int count = 0;
        for (ScalewayImage.Snapshot volume : image.allSnapshots()) {
            Snapshot snapshot = new Snapshot();
            snapshot.setProvider(new ServiceProvider(provider.getUuid()));
            snapshot.setName(volume.name());
            snapshot.setProviderSideId(volume.id());
            snapshot.setZone(zone);
            snapshot.setSize(volume.size() == null || volume.size() == 0 ? null : volume.size());
            snapshots.put(volume.id(), save(snapshot));
            count++;
        }
        ImageMapper.copy(entity, image, snapshots);
        save(entity);
        message(ctx, "%s backed up as image %s (id %s) with %d snapshots", name, backupName, image.id(), count);
    }

    private static String backupName(Map<String, Object> ctx, Server server) {
        String given = parameter(ctx, "backupName");
        if (given != null) {
            return given;
        }
        if (server.getBackupName() != null && !server.getBackupName().isBlank()) {
            return server.getBackupName().strip();
        }
        return server.getInstanceName() + "-" + STAMP.format(Instant.now());
    }

    /** The backup task names its image in {@code href_result}: {@code /images/<id>}. */
    private static String imageIdOf(ScalewayTask task) throws BusinessException {
        String href = task.hrefResult();
        if (href == null || !href.contains("/images/")) {
            throw new BusinessException("Scaleway started the backup (task " + task.id() + ") without saying which image it makes");
        }
        return href.substring(href.lastIndexOf('/') + 1);
    }
}
