package io.mvinfra.scaleway.backups;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.Backup;

import io.mvinfra.backup.store.Ingested;
import io.mvinfra.http.ProviderException;
import io.mvinfra.http.TimeSource;
import io.mvinfra.objectstorage.ObjectStorage;
import io.mvinfra.scaleway.ScalewayClient;
import io.mvinfra.scaleway.snapshots.BlockSnapshot;
import io.mvinfra.scaleway.snapshots.CreateSnapshotRequest;
import io.mvinfra.scaleway.snapshots.ObjectStorageObject;

/**
 * One backup of a Block Storage volume: open the store (a wrong key stops here, before anything is made), snapshot the
 * volume, wait until the snapshot is available, export it as QCOW2 into the staging bucket, wait until the object is
 * there and the snapshot done exporting, stream the object into the store, delete the staging object and the
 * snapshot. Each step is written to the Backup durably before it starts, with what the backup holds at Scaleway
 * ({@code snapshotId}, {@code bucket}/{@code objectKey}), so a crash leaves a Backup saying where it stopped and what a
 * retry must clean ({@link Leftovers}). A failure cleans what it can and says the step and the provider's words.
 */
public final class BackupFlow {

    /** Saves a Backup's changes durably (the script's {@code saveDurably}). */
    public interface Journal {
        void save(Backup changes) throws BusinessException;
    }

    /** What to back up: the Backup entity's uuid, the volume as messages name it, its Scaleway id and zone. */
    public record Plan(String backupUuid, String volumeName, String volumeId, String zone, String projectId) {

        /** The staging object's key: one per Backup, so two backups never share one. */
        public String stagingKey() {
            return "mv-infra/backups/" + volumeId + "/" + backupUuid + ".qcow2";
        }

        /** The temporary snapshot's name, which says what made it. */
        public String snapshotName() {
            return "mv-infra-backup-" + backupUuid;
        }
    }

    static final String TAG = "mv-infra-backup";

    private final ScalewayClient scaleway;
    private final BackupSettings settings;
    private final TimeSource time;
    private final Consumer<String> progress;
    private final Journal journal;

    public BackupFlow(ScalewayClient scaleway, BackupSettings settings, TimeSource time, Consumer<String> progress, Journal journal) {
        this.scaleway = scaleway;
        this.settings = settings;
        this.time = time;
        this.progress = progress;
        this.journal = journal;
    }

    /** A backup done: what the store took, and what could not be deleted at Scaleway afterwards (kept on the Backup). */
    public record Done(Ingested ingested, List<String> left) {
    }

    /**
     * Runs every step; the Backup ends {@code completed} (a cleanup that fails after the ingest leaves it completed,
     * holding what is left), or {@code failed} with the step, and the exception says why.
     */
    public Done run(Plan plan) throws BusinessException {
        StepTimer timer = new StepTimer(time);
        Waits waits = new Waits(time, progress);
        String bucket = settings.staging().bucket();
        String key = plan.stagingKey();
        String snapshotId = null;
        boolean staged = false;
        try {
            timer.start(Step.OPEN_STORE);
            record(plan, "pending", timer, b -> b.setStore(settings.store().toString()));
            try (BackupSettings.OpenStore store = settings.openStore(StoreKeys.current());
                 ObjectStorage staging = settings.connectStaging()) {
                staging.exists(key);   // the bucket answers, under these keys, before a snapshot is made

                timer.start(Step.SNAPSHOT);
                record(plan, "snapshotting", timer, b -> { });
                BlockSnapshot snapshot = scaleway.snapshots()
                        .create(plan.zone(), new CreateSnapshotRequest(plan.volumeId(), plan.snapshotName(), plan.projectId(), List.of(TAG))).send();
                snapshotId = snapshot.id();
                String id = snapshotId;
                journal.save(changes(plan, "snapshotting", timer, b -> b.setSnapshotId(id)));

                timer.start(Step.WAIT_SNAPSHOT);
                progress.accept(Step.WAIT_SNAPSHOT.words());
                waits.until("snapshot " + plan.snapshotName(), () -> scaleway.snapshots().get(plan.zone(), id).status(), "available",
                        Waits.BLOCK_DEADLINE);

                timer.start(Step.EXPORT);
                staged = true;   // from the request on, the object may appear
                record(plan, "exporting", timer, b -> {
                    b.setBucket(bucket);
                    b.setObjectKey(key);
                });
                scaleway.snapshots().exportToObjectStorage(plan.zone(), id, new ObjectStorageObject(bucket, key)).send();

                timer.start(Step.WAIT_EXPORT);
                progress.accept(Step.WAIT_EXPORT.words());
                waits.until("export to s3://" + bucket + "/" + key, Waits.reading(() -> exportState(staging, plan.zone(), id, key)),
                        "exported", Waits.TRANSFER_DEADLINE);

                timer.start(Step.INGEST);
                record(plan, "ingesting", timer, b -> { });
                long size = staging.size(key);
                Ingested ingested;
                try (InputStream image = staging.get(key)) {
                    ingested = store.store().ingest(plan.volumeName() + " " + plan.backupUuid(), image, new ByteProgress("ingest", progress, size));
                }
                if (ingested.sizeBytes() != size) {
                    throw new IOException("the store took " + ingested.sizeBytes() + " bytes of the " + size + " bytes staged");
                }

                timer.start(Step.CLEANUP);
                record(plan, "cleaning", timer, b -> b.setStoreReference(ingested.imageId()));
                // the image is safe in the store from here: what cannot be deleted now is said and kept for the next backup
                List<String> cleaned = new ArrayList<>();
                List<String> left = new ArrayList<>();
                boolean objectLeft = !deleteStaged(key, cleaned, left);
                boolean snapshotLeft = !cleanSnapshot(plan.zone(), id, cleaned, left);
                staged = false;
                snapshotId = null;
                timer.end();
                record(plan, "completed", timer, b -> {
                    b.setStep("");
                    b.setSnapshotId(snapshotLeft ? id : "");
                    b.setObjectKey(objectLeft ? key : "");
                    b.setStateReason(left.isEmpty() ? "" : Messages.cut("Completed; left at Scaleway, cleaned at the next backup: "
                            + String.join(", ", left)));
                    b.setSizeBytes(ingested.sizeBytes());
                    b.setStoredBytes(ingested.addedBytes());
                    b.setDigest(hex(ingested.digest()));
                    b.setCompletedDate(time.now());
                });
                return new Done(ingested, left);
            }
        } catch (IOException | RuntimeException | BusinessException e) {
            Step failed = timer.current();
            timer.end();
            List<String> cleaned = new ArrayList<>();
            List<String> left = new ArrayList<>();
            boolean objectLeft = staged && !deleteStaged(key, cleaned, left);
            boolean snapshotLeft = snapshotId != null && !cleanSnapshot(plan.zone(), snapshotId, cleaned, left);
            String reason = Messages.failure("Backup of volume " + plan.volumeName(), failed, e, cleaned, left);
            String held = snapshotLeft ? snapshotId : "";
            record(plan, "failed", timer, b -> {
                b.setStep(failed == null ? null : failed.code());
                b.setStateReason(Messages.cut(reason));
                b.setSnapshotId(held);
                if (!objectLeft) {
                    b.setObjectKey("");
                }
            });
            throw new BusinessException(reason, e);
        }
    }

    /** {@code exported} once the object is there and the snapshot no longer exporting; {@code error} if the snapshot failed. */
    private String exportState(ObjectStorage staging, String zone, String snapshotId, String key) throws IOException {
        String status = scaleway.snapshots().get(zone, snapshotId).status();
        if ("error".equals(status)) {
            return status;
        }
        return staging.exists(key) && !"exporting".equals(status) ? "exported" : status;
    }

    private void deleteSnapshot(String zone, String id) {
        try {
            scaleway.snapshots().delete(zone, id).send();
        } catch (ProviderException e) {
            if (!e.is(ProviderException.Kind.NOT_FOUND)) {
                throw e;
            }
        }
    }

    private boolean deleteStaged(String key, List<String> cleaned, List<String> left) {
        try (ObjectStorage staging = settings.connectStaging()) {
            staging.delete(key);
            cleaned.add("staging object s3://" + settings.staging().bucket() + "/" + key);
            return true;
        } catch (IOException | RuntimeException e) {
            left.add("staging object s3://" + settings.staging().bucket() + "/" + key + " (" + e.getMessage() + ")");
            return false;
        }
    }

    private boolean cleanSnapshot(String zone, String id, List<String> cleaned, List<String> left) {
        try {
            deleteSnapshot(zone, id);
            cleaned.add("snapshot " + id);
            return true;
        } catch (RuntimeException e) {
            left.add("snapshot " + id + " (" + e.getMessage() + ")");
            return false;
        }
    }

    private interface Changes {
        void apply(Backup backup);
    }

    /** Saves the Backup's state and step as a step begins (or ends the backup), and says the step begun. */
    private void record(Plan plan, String state, StepTimer timer, Changes changes) throws BusinessException {
        journal.save(changes(plan, state, timer, changes));
        if (timer.current() != null && !"failed".equals(state)) {
            progress.accept(timer.current().words());
        }
    }

    private static Backup changes(Plan plan, String state, StepTimer timer, Changes changes) {
        Backup b = new Backup(plan.backupUuid());
        b.setState(state);
        if (timer.current() != null) {
            b.setStep(timer.current().code());
        }
        b.setStepTimings(timer.millis());
        changes.apply(b);
        return b;
    }

    /** The store says {@code sha256:<hex>}; the Backup keeps the hex. */
    static String hex(String digest) {
        return digest != null && digest.startsWith("sha256:") ? digest.substring("sha256:".length()) : digest;
    }
}
