package io.mvinfra.scaleway.backups;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Backup;

import io.mvinfra.http.ProviderException;
import io.mvinfra.objectstorage.ObjectStorage;
import io.mvinfra.scaleway.ScalewayClient;

/**
 * What earlier backups of a volume still hold at Scaleway: a Backup that stopped part-way (a crash leaves it in its
 * step's state) or failed without being able to clean keeps the temporary snapshot's id and the staging object's
 * key. The next "Back up now" deletes them first, and says so on that Backup, which then holds nothing.
 */
public final class Leftovers {

    private static final Set<String> DONE = Set.of("completed", "failed");

    private final ScalewayClient scaleway;
    private final BackupSettings settings;
    private final BackupFlow.Journal journal;

    public Leftovers(ScalewayClient scaleway, BackupSettings settings, BackupFlow.Journal journal) {
        this.scaleway = scaleway;
        this.settings = settings;
        this.journal = journal;
    }

    private final List<String> notCleaned = new ArrayList<>();

    /**
     * Cleans every Backup of the list that holds something; answers what was cleaned, for the message. What cannot be
     * deleted now (a snapshot still exporting) stays on its Backup for a later backup, and {@link #notCleaned} says it.
     */
    public List<String> clean(List<Backup> backups) throws BusinessException {
        List<String> cleaned = new ArrayList<>();
        for (Backup backup : backups) {
            boolean interrupted = !DONE.contains(backup.getState());
            boolean holdsSnapshot = present(backup.getSnapshotId());
            boolean holdsObject = present(backup.getObjectKey()) && present(backup.getBucket());
            if (!interrupted && !holdsSnapshot && !holdsObject) {
                continue;
            }
            List<String> done = new ArrayList<>();
            List<String> stuck = new ArrayList<>();
            if (holdsObject) {
                try (ObjectStorage staging = ObjectStorage.connect(settings.stagingIn(backup.getBucket()), settings.keys())) {
                    staging.delete(backup.getObjectKey());
                    done.add("staging object s3://" + backup.getBucket() + "/" + backup.getObjectKey());
                } catch (IOException | RuntimeException e) {
                    stuck.add("staging object s3://" + backup.getBucket() + "/" + backup.getObjectKey() + " (" + e.getMessage() + ")");
                }
            }
            if (holdsSnapshot) {
                try {
                    scaleway.snapshots().delete(backup.getZone(), backup.getSnapshotId()).send();
                    done.add("snapshot " + backup.getSnapshotId());
                } catch (ProviderException e) {
                    if (e.is(ProviderException.Kind.NOT_FOUND)) {
                        done.add("snapshot " + backup.getSnapshotId());
                    } else {
                        stuck.add("snapshot " + backup.getSnapshotId() + " (" + e.getMessage() + ")");
                    }
                }
            }
            if (!stuck.isEmpty()) {
                // still held: the Backup keeps saying so, and a later backup tries again; this one goes on
                notCleaned.addAll(stuck);
                cleaned.addAll(done);
                continue;
            }
            Backup changes = new Backup(backup.getUuid());
            changes.setSnapshotId("");
            changes.setObjectKey("");
            String what = done.isEmpty() ? "nothing was left" : String.join(", ", done);
            if (interrupted) {
                changes.setState("failed");
                changes.setStateReason(Messages.cut("Interrupted during step " + backup.getStep() + "; cleaned at the next backup: " + what));
            } else {
                String before = backup.getStateReason() == null || backup.getStateReason().isBlank() ? "" : backup.getStateReason() + "; ";
                changes.setStateReason(Messages.cut(before + "cleaned since by the next backup: " + what));
            }
            journal.save(changes);
            cleaned.addAll(done);
        }
        return cleaned;
    }

    /** What the last {@link #clean} could not delete, each with why. */
    public List<String> notCleaned() {
        return List.copyOf(notCleaned);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
