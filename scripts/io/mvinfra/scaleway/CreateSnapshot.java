package io.mvinfra.scaleway;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.ServiceProvider;
import org.meveo.model.customEntities.Snapshot;
import org.meveo.model.customEntities.Volume;

import io.mvinfra.http.ProviderCall;
import io.mvinfra.scaleway.snapshots.BlockSnapshot;
import io.mvinfra.scaleway.snapshots.CreateSnapshotRequest;
import io.mvinfra.scaleway.snapshots.SnapshotMapper;
import io.mvinfra.scaleway.snapshots.SnapshotRequests;
import io.mvinfra.scaleway.volumes.VolumeSizes;

/**
 * Snapshot → "Create on Scaleway": a Block Storage snapshot of its {@code baseVolume}, in the volume's zone, waited
 * for until it is available; its id kept durably as soon as Scaleway answers the create.
 */
public class CreateSnapshot extends ScalewayStorageButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        Snapshot snapshot = entity(ctx, Snapshot.class);
        String name = "Snapshot " + snapshot.getName();
        requireNoProviderSideId(name, snapshot.getProviderSideId(), "create another Snapshot for a new copy");
        ServiceProvider provider = provider(snapshot.getProvider(), name);
        Volume volume = snapshot.getBaseVolume() == null ? null : resolve(snapshot.getBaseVolume(), Volume.class, name + ": baseVolume");
        CreateSnapshotRequest request = SnapshotRequests.create(snapshot, volume, projectId(provider));
        String zone = zoneOf("Volume", volume.getZone());
        ScalewayClient scaleway = scaleway(provider);
        ProviderCall<BlockSnapshot> create = scaleway.snapshots().create(zone, request);
        if (dryRun(ctx)) {
            describeDryRun(ctx, create);
            return;
        }
        BlockSnapshot created = create.send();
        Map<String, String> volumes = Map.of(volume.getProviderSideId(), volume.getUuid());
        SnapshotMapper.copy(snapshot, created, volumes);
        saveDurably(snapshot);
        BlockSnapshot ready = awaitAvailable(ctx, name, created.id(), () -> scaleway.snapshots().get(zone, created.id()), BlockSnapshot::status);
        SnapshotMapper.copy(snapshot, ready, volumes);
        save(snapshot);
        message(ctx, "%s of volume %s created at Scaleway (id %s): %s, %s", name, volume.getName(), ready.id(),
                VolumeSizes.readable(ready.size()), ready.status());
    }
}
