package io.mvinfra.openstack;

import java.util.Map;

import org.meveo.admin.exception.BusinessException;
import org.meveo.model.customEntities.ServiceProvider;
import org.meveo.model.customEntities.Snapshot;
import org.meveo.model.customEntities.Volume;

import io.mvinfra.http.ProviderCall;
import io.mvinfra.http.ProviderException;
import io.mvinfra.openstack.volume.CinderSnapshot;
import io.mvinfra.openstack.volume.CinderVolume;
import io.mvinfra.openstack.volume.VolumeClient;
import io.mvinfra.openstack.volume.VolumeMapper;
import io.mvinfra.openstack.volume.VolumeRequests;

/**
 * Volume → "Snapshot": a Cinder snapshot of the available volume, named by the parameter {@code name} (else the
 * volume's name with {@code -snapshot}), kept as a Snapshot entity of the volume as soon as Cinder answers, then
 * waited for until available.
 */
public class SnapshotOpenStackVolume extends OpenStackVolumeButton {

    public static final String NAME = "name";

    @Override
    protected void press(Map<String, Object> ctx) throws BusinessException {
        Volume volume = entity(ctx, Volume.class);
        String name = name(volume);
        ServiceProvider provider = provider(volume);
        VolumeClient volumes = openstack(provider).volumes();
        CinderVolume current = current(volumes, volume, "create it first");
        String snapshotName = VolumeRequests.snapshot(volume, parameter(ctx, NAME), current);
        ProviderCall<CinderSnapshot> take = volumes.snapshot(current.id(), snapshotName);
        if (dryRun(ctx)) {
            describeDryRun(ctx, take);
            return;
        }
        CinderSnapshot taken = take.send();
        Snapshot snapshot = new Snapshot();
        snapshot.setProvider(new ServiceProvider(provider.getUuid()));
        snapshot.setBaseVolume(new Volume(volume.getUuid()));
        snapshot.setZone(volume.getZone());
        VolumeMapper.copy(snapshot, taken);
        snapshot.setUuid(saveDurably(snapshot));
        CinderSnapshot ready;
        String what = "Snapshot " + snapshotName;
        try {
            ready = states(volumes).awaitSnapshot(taken.id(), what, looks(ctx, what));
        } catch (ProviderException e) {
            throw afterAccepted(name, current.id(), "the snapshot " + taken.id(), e);
        }
        VolumeMapper.copy(snapshot, ready);
        save(snapshot);
        message(ctx, "%s: snapshot %s taken (id %s), %s", name, snapshotName, ready.id(), ready.status());
    }
}
