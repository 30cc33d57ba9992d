package io.mvinfra.scaleway;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Backup;
import org.meveo.model.customEntities.Credential;
import org.meveo.model.customEntities.ServiceProvider;
import org.meveo.model.customEntities.Volume;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.mvinfra.backup.store.Pruned;
import io.mvinfra.backup.store.StoredImage;
import io.mvinfra.http.HttpRuntime;
import io.mvinfra.scaleway.backups.BackupSettings;
import io.mvinfra.scaleway.backups.Retention;
import io.mvinfra.scaleway.backups.StoreKeys;
import io.mvinfra.storage.ModuleScript;

/**
 * The scheduled backup-retention job: for each SCALEWAY provider with a {@code backupStore}, applies its retention
 * ({@code backupKeepLast} newest completed backups of each volume, plus the newest of each of the last
 * {@code backupKeepDailyDays} days; none set keeps all) by removing the Backups that go and then forgetting their
 * images in the store, then forgets images no Backup refers to (older than a day: an ingest running now has not
 * recorded its image yet) and prunes the chunks no image references. One provider failing never stops the others.
 */
public class ApplyBackupRetention extends ModuleScript {
    private static final Logger log = LoggerFactory.getLogger(ApplyBackupRetention.class);

    /** An image younger than this, with no Backup naming it, may be an ingest about to record itself. */
    static final Duration ORPHAN_AGE = Duration.ofDays(1);

    @Override
    protected void run(Map<String, Object> ctx) throws BusinessException {
        Instant now = HttpRuntime.shared().time().now();
        long ok = 0;
        long ko = 0;
        List<String> report = new ArrayList<>();
        for (ServiceProvider provider : findAll(ServiceProvider.class, "kind", ScalewayProfile.KIND)) {
            if (provider.getBackupStore() == null || provider.getBackupStore().isBlank()) {
                continue;
            }
            try {
                report.add(provider.getCode() + ": " + apply(provider, now));
                ok++;
            } catch (BusinessException | IOException | RuntimeException e) {
                ko++;
                report.add(provider.getCode() + ": failed (" + e.getMessage() + ")");
                log.warn("backup retention: {} failed: {}", provider.getCode(), e.getMessage());
            }
        }
        ctx.put(JOB_RESULT_NB_OK, ok);
        ctx.put(JOB_RESULT_NB_KO, ko);
        ctx.put(JOB_RESULT_NB_WARN, 0L);
        ctx.put(JOB_RESULT_SUMMARY, ok + " stores kept to their retention, " + ko + " failed");
        ctx.put(JOB_RESULT_REPORT, String.join("\n", report));
    }

    private String apply(ServiceProvider provider, Instant now) throws BusinessException, IOException {
        Retention retention = provider.getBackupKeepLast() == null ? null
                : new Retention(provider.getBackupKeepLast().intValue(),
                provider.getBackupKeepDailyDays() == null ? 0 : provider.getBackupKeepDailyDays().intValue());
        List<String> zones = provider.getZones() == null || provider.getZones().isEmpty() ? List.of("fr-par-1") : provider.getZones();
        Credential credential = provider.getCredential() == null ? null
                : resolve(provider.getCredential(), Credential.class, "ServiceProvider " + provider.getCode() + ": credential");
        BackupSettings settings = BackupSettings.of(provider, credential, zones.get(0).strip());
        String store = settings.store().toString();
        List<String> goes = new ArrayList<>();
        Set<String> referenced = new HashSet<>();
        int kept = 0;
        for (Volume volume : findAll(Volume.class, "provider", provider.getUuid())) {
            List<Backup> completed = findAll(Backup.class, "volume", volume.getUuid()).stream()
                    .filter(b -> "completed".equals(b.getState()) && b.getStoreReference() != null && store.equals(b.getStore()))
                    .toList();
            Set<String> forget = retention == null ? Set.of() : retention.toForget(completed.stream()
                    .map(b -> new Retention.Kept(b.getUuid(), b.getCreationDate() == null ? Instant.EPOCH : b.getCreationDate())).toList(), now);
            for (Backup backup : completed) {
                if (forget.contains(backup.getUuid())) {
                    remove(backup.getUuid(), Backup.class);
                    goes.add(backup.getStoreReference());
                } else {
                    referenced.add(backup.getStoreReference());
                    kept++;
                }
            }
        }
        findAll(Backup.class, "store", store).forEach(b -> {
            if (b.getStoreReference() != null && !goes.contains(b.getStoreReference())) {
                referenced.add(b.getStoreReference());
            }
        });
        int orphans = 0;
        Pruned pruned;
        try (BackupSettings.OpenStore open = settings.openStore(StoreKeys.current())) {
            for (String image : goes) {
                open.store().forget(image);
            }
            for (StoredImage image : open.store().images()) {
                if (!referenced.contains(image.imageId()) && !goes.contains(image.imageId()) && image.created().isBefore(now.minus(ORPHAN_AGE))) {
                    open.store().forget(image.imageId());
                    orphans++;
                }
            }
            pruned = open.store().prune();
        }
        return kept + " backups kept, " + goes.size() + " removed by the retention" + (retention == null ? " (none set)" : " (" + retention + ")")
                + (orphans == 0 ? "" : ", " + orphans + " images no Backup refers to forgotten") + "; pruned " + pruned.chunksDeleted()
                + " chunks, " + pruned.bytesFreed() + " bytes freed";
    }
}
