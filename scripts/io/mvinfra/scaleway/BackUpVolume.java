package io.mvinfra.scaleway;

import java.util.List;
import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Backup;
import org.meveo.model.customEntities.ServiceProvider;
import org.meveo.model.customEntities.Volume;

import io.mvinfra.backup.store.Ingested;
import io.mvinfra.http.HttpRuntime;
import io.mvinfra.scaleway.backups.BackupFlow;
import io.mvinfra.scaleway.backups.BackupSettings;
import io.mvinfra.scaleway.backups.Leftovers;
import io.mvinfra.scaleway.snapshots.CreateSnapshotRequest;

/**
 * Volume → "Back up now": a Backup of the volume through a temporary snapshot exported to the provider's staging
 * bucket and streamed into its backup store ({@link BackupFlow}); what earlier, interrupted backups of the volume
 * still hold at Scaleway is cleaned first.
 */
public class BackUpVolume extends ScalewayBackupButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        Volume volume = entity(ctx, Volume.class);
        String name = "Volume " + volume.getName();
        String id = requireProviderSideId(name, volume.getProviderSideId(), "create it at Scaleway first");
        String zone = zoneOf("Volume", volume.getZone());
        ServiceProvider provider = provider(volume.getProvider(), name);
        BackupSettings settings = settings(provider, zone);
        ScalewayClient scaleway = scaleway(provider);
        if (dryRun(ctx)) {
            BackupFlow.Plan plan = new BackupFlow.Plan("<new Backup>", volume.getName(), id, zone, projectId(provider));
            describeDryRun(ctx, scaleway.snapshots().create(zone, new CreateSnapshotRequest(id, plan.snapshotName(), plan.projectId(), List.of())));
            return;
        }
        Leftovers leftovers = new Leftovers(scaleway, settings, this::saveDurably);
        List<String> cleaned = leftovers.clean(findAll(Backup.class, "volume", volume.getUuid()));
        Backup backup = new Backup();
        backup.setVolume(new Volume(volume.getUuid()));
        backup.setZone(zone);
        backup.setVolumeId(id);
        backup.setVolumeSize(volume.getSize());
        backup.setStore(settings.store().toString());
        backup.setState("pending");
        backup.setCreationDate(HttpRuntime.shared().time().now());
        String uuid = saveDurably(backup);
        BackupFlow.Plan plan = new BackupFlow.Plan(uuid, volume.getName(), id, zone, projectId(provider));
        BackupFlow.Done backedUp = new BackupFlow(scaleway, settings, HttpRuntime.shared().time(), line -> progress(ctx, line), this::saveDurably)
                .run(plan);
        Ingested done = backedUp.ingested();
        message(ctx, "%s backed up (Backup %s): a %d-byte QCOW2 image, %d bytes added to %s (%d of %d chunks new); digest %s%s%s%s", name,
                uuid, done.sizeBytes(), done.addedBytes(), settings.store(), done.newChunks(), done.chunks(), done.digest(),
                cleaned.isEmpty() ? "" : "; first cleaned what an earlier backup left: " + String.join(", ", cleaned),
                backedUp.left().isEmpty() ? "" : "; left at Scaleway, cleaned at the next backup: " + String.join(", ", backedUp.left()),
                leftovers.notCleaned().isEmpty() ? "" : "; an earlier backup still holds, tried again at the next one: "
                        + String.join(", ", leftovers.notCleaned()));
    }
}
