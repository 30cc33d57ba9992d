package io.mvinfra.scaleway;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Backup;
import org.meveo.model.customEntities.ServiceProvider;
import org.meveo.model.customEntities.Volume;

import io.mvinfra.http.HttpRuntime;
import io.mvinfra.scaleway.backups.BackupSettings;
import io.mvinfra.scaleway.backups.RestoreFlow;
import io.mvinfra.scaleway.volumes.VolumeMapper;
import io.mvinfra.scaleway.volumes.VolumeSizes;
import io.mvinfra.validation.Violations;

/**
 * Backup → "Restore to a new volume" (parameters {@code zone}, default the backed-up volume's, and {@code name}):
 * the image streamed from the store into the staging bucket of the zone's region, imported as a snapshot, a new
 * volume made from it ({@link RestoreFlow}) and recorded as a Volume entity, its id kept durably as soon as Scaleway
 * answers.
 */
public class RestoreBackup extends ScalewayBackupButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        Source source = completed(entity(ctx, Backup.class));
        Backup backup = source.backup();
        ServiceProvider provider = source.provider();
        String zone = parameter(ctx, "zone") == null || parameter(ctx, "zone").isBlank() ? backup.getZone() : parameter(ctx, "zone").strip();
        String name = parameter(ctx, "name") == null ? null : parameter(ctx, "name").strip();
        Violations problems = new Violations("Restore to a new volume");
        if (zone == null || !ZONES.contains(zone)) {
            problems.add("zone", (zone == null ? "is required" : zone + " is not a Scaleway zone") + " (" + String.join(", ", ZONES) + ")");
        }
        if (name == null || name.isEmpty()) {
            problems.add("name", "is required: the new volume's name");
        }
        problems.throwIfAny();
        BackupSettings settings = settings(provider, zone).onStore(backup.getStore());
        ScalewayClient scaleway = scaleway(provider);
        Volume restored = new Volume();
        restored.setProvider(new ServiceProvider(provider.getUuid()));
        restored.setName(name);
        restored.setZone(zone);
        RestoreFlow.Plan plan = new RestoreFlow.Plan(backup.getUuid(), source.label(), backup.getStoreReference(), backup.getSizeBytes(), backup.getVolumeSize(),
                zone, name, projectId(provider));
        RestoreFlow.Outcome outcome = new RestoreFlow(scaleway, settings, HttpRuntime.shared().time(), line -> progress(ctx, line))
                .run(plan, volume -> {
                    VolumeMapper.copy(restored, volume, Map.of());
                    restored.setUuid(saveDurably(restored));
                });
        message(ctx, "%s restored to the new volume %s (id %s) in %s: %s, %s, %s; image digest %s checked; %s", source.label(), name,
                outcome.volume().id(), zone, VolumeSizes.readable(outcome.volume().size()), outcome.volume().type(), outcome.volume().status(),
                outcome.image().digest(), String.join("; ", outcome.notes()));
    }
}
