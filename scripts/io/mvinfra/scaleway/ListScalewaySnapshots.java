package io.mvinfra.scaleway;

import java.util.List;
import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.ServiceProvider;
import org.meveo.model.customEntities.Snapshot;
import org.meveo.model.customEntities.Volume;

import io.mvinfra.scaleway.snapshots.BlockSnapshot;
import io.mvinfra.scaleway.snapshots.SnapshotMapper;
import io.mvinfra.sync.Reconciliation;

/**
 * ServiceProvider → "List snapshots": every Block Storage snapshot of every zone of the provider, as Snapshot
 * entities linked to the Volume each copies; nothing changes unless every zone's list arrived whole.
 */
public class ListScalewaySnapshots extends ScalewayStorageButton {

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        ServiceProvider provider = entity(ctx, ServiceProvider.class);
        List<String> zones = zones(provider);
        ScalewayClient scaleway = scaleway(provider);
        List<BlockSnapshot> listed = everyZone(zones, scaleway.snapshots()::list);
        Map<String, String> volumes = uuidsById(findAll(Volume.class, "provider", provider.getUuid()), Volume::getProviderSideId, Volume::getUuid);
        ServiceProvider reference = new ServiceProvider(provider.getUuid());
        Reconciliation.Outcome outcome = Reconciliation.byId(Snapshot::getProviderSideId, BlockSnapshot::id)
                .naturalKey(snapshot -> snapshot.getZone() + " " + snapshot.getName(), item -> item.zone() + " " + item.name())
                .create(item -> {
                    Snapshot snapshot = new Snapshot();
                    snapshot.setProvider(reference);
                    return snapshot;
                })
                .copy((snapshot, item) -> SnapshotMapper.copy(snapshot, item, volumes))
                .markMissing(SnapshotMapper::markMissing)
                .run(inZones(findAll(Snapshot.class, "provider", provider.getUuid()), Snapshot::getZone, zones), listed, this::save);
        message(ctx, "Snapshots of %s in %s: %s", provider.getCode(), String.join(", ", zones), outcome.summary());
    }
}
