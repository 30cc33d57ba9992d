package io.mvinfra.scaleway.backups;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

import org.meveo.admin.exception.BusinessException;

import io.mvinfra.backup.store.Restored;
import io.mvinfra.http.ProviderException;
import io.mvinfra.http.TimeSource;
import io.mvinfra.objectstorage.ObjectStorage;
import io.mvinfra.scaleway.ScalewayClient;
import io.mvinfra.scaleway.snapshots.BlockSnapshot;
import io.mvinfra.scaleway.snapshots.ImportSnapshotRequest;
import io.mvinfra.scaleway.volumes.BlockVolume;
import io.mvinfra.scaleway.volumes.CreateVolumeRequest;

/**
 * One restore of a Backup to a new Block Storage volume: open the store, stream the image out of it straight into a
 * multipart upload to the staging bucket (a bounded pipe between two threads: never whole in memory or on disk; the store
 * checks the image's digest at the end, and a mismatch deletes the upload), import the object as a snapshot, wait,
 * create the volume from the snapshot, wait, then delete the staging object and the imported snapshot: the new volume
 * is a copy of its own, so the snapshot only costs money after (Scaleway refusing its delete is said, not failed).
 * The new volume's id reaches {@link Created} as soon as Scaleway answers, for the caller to keep durably.
 */
public final class RestoreFlow {

    /** Told the new volume as soon as Scaleway answers its create (and again once it is available). */
    public interface Created {
        void volume(BlockVolume volume) throws BusinessException;
    }

    /**
     * @param imageBytes the image's length (the Backup's {@code sizeBytes}): the upload's part size follows from it, so
     *                   a volume of terabytes stays within the 1,000 parts Scaleway allows (an unknown length, some 15 GiB)
     * @param volumeSize bytes of the volume backed up: the imported snapshot's size
     */
    public record Plan(String backupUuid, String backupLabel, String imageId, Long imageBytes, Long volumeSize, String zone, String name,
                       String projectId) {

        String stagingKey(long startedMillis) {
            return "mv-infra/restores/" + backupUuid + "/" + startedMillis + ".qcow2";
        }
    }

    /** What the restore made and what it cleaned; {@code notes} says what was kept and why. */
    public record Outcome(BlockVolume volume, Restored image, List<String> notes) {
    }

    private final ScalewayClient scaleway;
    private final BackupSettings settings;
    private final TimeSource time;
    private final Consumer<String> progress;

    public RestoreFlow(ScalewayClient scaleway, BackupSettings settings, TimeSource time, Consumer<String> progress) {
        this.scaleway = scaleway;
        this.settings = settings;
        this.time = time;
        this.progress = progress;
    }

    public Outcome run(Plan plan, Created created) throws BusinessException {
        StepTimer timer = new StepTimer(time);
        Waits waits = new Waits(time, progress);
        String key = plan.stagingKey(time.now().toEpochMilli());
        String bucket = settings.staging().bucket();
        boolean staged = false;
        String snapshotId = null;
        try {
            timer.start(Step.OPEN_STORE);
            try (BackupSettings.OpenStore store = settings.openStore(StoreKeys.current());
                 ObjectStorage staging = settings.connectStaging()) {
                staging.exists(key);

                start(timer, Step.UPLOAD);
                staged = true;
                Restored image = upload(store, staging, plan.imageId(), plan.imageBytes() == null ? -1 : plan.imageBytes(), key);

                start(timer, Step.IMPORT);
                BlockSnapshot imported = scaleway.snapshots().importFromObjectStorage(plan.zone(),
                        new ImportSnapshotRequest(bucket, key, plan.name(), plan.projectId(), List.of(BackupFlow.TAG), plan.volumeSize())).send();
                snapshotId = imported.id();
                String id = snapshotId;

                start(timer, Step.WAIT_IMPORT);
                waits.until("imported snapshot " + plan.name(), () -> scaleway.snapshots().get(plan.zone(), id).status(), "available",
                        Waits.TRANSFER_DEADLINE);

                start(timer, Step.CREATE_VOLUME);
                BlockVolume volume = scaleway.volumes().create(plan.zone(), new CreateVolumeRequest(plan.name(), null, plan.projectId(), null,
                        new CreateVolumeRequest.FromSnapshot(id), List.of(BackupFlow.TAG))).send();
                created.volume(volume);

                start(timer, Step.WAIT_VOLUME);
                waits.until("volume " + plan.name(), () -> scaleway.volumes().get(plan.zone(), volume.id()).status(), "available",
                        Waits.BLOCK_DEADLINE);
                BlockVolume ready = scaleway.volumes().get(plan.zone(), volume.id());
                created.volume(ready);

                start(timer, Step.CLEANUP);
                List<String> notes = new ArrayList<>();
                staging.delete(key);
                staged = false;
                try {
                    scaleway.snapshots().delete(plan.zone(), id).send();
                    notes.add("staging object and imported snapshot deleted");
                } catch (ProviderException e) {
                    notes.add("staging object deleted; the imported snapshot " + id + " is kept: " + e.getMessage());
                }
                snapshotId = null;
                timer.end();
                return new Outcome(ready, image, notes);
            }
        } catch (IOException | RuntimeException | BusinessException e) {
            Step failed = timer.current();
            List<String> cleaned = new ArrayList<>();
            List<String> left = new ArrayList<>();
            if (staged) {
                try (ObjectStorage staging = settings.connectStaging()) {
                    staging.delete(key);
                    cleaned.add("staging object s3://" + bucket + "/" + key);
                } catch (IOException | RuntimeException cleanup) {
                    left.add("staging object s3://" + bucket + "/" + key + " (" + cleanup.getMessage() + ")");
                }
            }
            if (snapshotId != null) {
                try {
                    scaleway.snapshots().delete(plan.zone(), snapshotId).send();
                    cleaned.add("imported snapshot " + snapshotId);
                } catch (RuntimeException cleanup) {
                    left.add("imported snapshot " + snapshotId + " (" + cleanup.getMessage() + ")");
                }
            }
            throw new BusinessException(Messages.failure("Restore of " + plan.backupLabel() + " to volume " + plan.name(), failed, e, cleaned, left), e);
        }
    }

    private void start(StepTimer timer, Step step) {
        timer.start(step);
        progress.accept(step.words());
    }

    /**
     * The store writes the image into one end of a pipe on a thread of its own while the upload reads the other end
     * here; the store's failure (a digest that does not match, a chunk gone) wins over the upload's, and a failed
     * restore never leaves its object behind (the caller deletes it). A failed upload closes the pipe, which stops the
     * store's side too.
     */
    private Restored upload(BackupSettings.OpenStore store, ObjectStorage staging, String imageId, long length, String key) throws IOException {
        BytePipe pipe = new BytePipe(1 << 20);
        CompletableFuture<Restored> restore = CompletableFuture.supplyAsync(() -> {
            try (OutputStream out = pipe.out()) {
                return store.store().restore(imageId, out, new ByteProgress("upload", progress, length));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, task -> {
            Thread writer = new Thread(task, "mv-infra-restore " + imageId);
            writer.setDaemon(true);
            writer.start();
        });
        IOException uploadFailure = null;
        try (InputStream image = pipe.in()) {
            staging.put(key, image, length);
        } catch (IOException e) {
            uploadFailure = e;
        }
        try {
            if (uploadFailure != null) {
                // the store's side then failed only because the pipe closed: the upload's reason is the one to say
                restore.exceptionally(closed -> null).get();
                throw uploadFailure;
            }
            return restore.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while restoring " + imageId);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof java.io.UncheckedIOException u ? u.getCause() : e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause.getMessage(), cause);
        }
    }
}
